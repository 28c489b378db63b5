//! Reports from the register: self-contained HTML with SVG charts, XLSX, CSV, JSON, and plain answers.
