//! Policy packs in Rego (regorus): metadata, rules, citations, bounded evaluation and pack test cases.
