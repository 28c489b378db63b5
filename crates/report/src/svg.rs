//! Hand-written inline SVG charts: no script, no fonts, no fetches, so the report opens on an
//! air-gapped machine and prints as it shows.

use std::fmt::Write as _;

/// Escapes text for HTML and XML content and attribute values (both quote kinds), and drops
/// the control characters XML forbids (a device can put anything in a banner).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A chart series: its legend label and fill colour.
pub(crate) struct Series {
    pub label: &'static str,
    pub colour: &'static str,
}

const WIDTH: u32 = 680;
const LABEL_WIDTH: u32 = 210;
const BAR_AREA: u32 = 380;
const ROW_HEIGHT: u32 = 24;

fn open_svg(out: &mut String, chart: &str, title: &str, height: u32) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{chart}\" \
         role=\"img\" aria-labelledby=\"chart-{chart}-title\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\"><title id=\"chart-{chart}-title\">{}</title>",
        escape(title)
    );
}

fn legend(out: &mut String, series: &[Series], y: u32) {
    let mut x = LABEL_WIDTH;
    for s in series {
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" class=\"legend\">{}</text>",
            y,
            s.colour,
            x + 16,
            y + 10,
            escape(s.label)
        );
        x += 24 + 7 * s.label.len() as u32;
    }
}

/// Horizontal bars, one per `(label, value)` (each row may stack several series).
pub(crate) fn stacked_bars(
    chart: &str,
    title: &str,
    rows: &[(String, Vec<u64>)],
    series: &[Series],
) -> String {
    let max = rows
        .iter()
        .map(|(_, values)| values.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let show_legend = series.len() > 1;
    let top = if show_legend { 28 } else { 8 };
    let height = top + ROW_HEIGHT * rows.len().max(1) as u32 + 8;
    let mut out = String::new();
    open_svg(&mut out, chart, title, height);
    if show_legend {
        legend(&mut out, series, 6);
    }
    if rows.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{LABEL_WIDTH}\" y=\"{}\" class=\"empty\">nothing to show</text>",
            top + 16
        );
    }
    for (i, (label, values)) in rows.iter().enumerate() {
        let y = top + ROW_HEIGHT * i as u32;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"label\">{}</text>",
            LABEL_WIDTH - 8,
            y + 16,
            escape(&shorten(label, 30))
        );
        let mut x = f64::from(LABEL_WIDTH);
        for (value, s) in values.iter().zip(series) {
            if *value == 0 {
                continue;
            }
            let width = *value as f64 / max as f64 * f64::from(BAR_AREA);
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{}\" width=\"{width:.1}\" height=\"{}\" fill=\"{}\">\
                 <title>{}: {} {}</title></rect>",
                y + 3,
                ROW_HEIGHT - 6,
                s.colour,
                escape(label),
                value,
                escape(s.label)
            );
            x += width;
        }
        let total: u64 = values.iter().sum();
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" class=\"value\">{}</text>",
            x + 6.0,
            y + 16,
            total
        );
    }
    out.push_str("</svg>");
    out
}

/// Lines over dates: `points` are `(date label, one value per series)`, oldest first.
pub(crate) fn line_chart(
    chart: &str,
    title: &str,
    points: &[(String, Vec<u64>)],
    series: &[Series],
) -> String {
    const HEIGHT: u32 = 260;
    const LEFT: f64 = 60.0;
    const RIGHT: f64 = 40.0;
    const TOP: f64 = 34.0;
    const BOTTOM: f64 = 40.0;
    let mut out = String::new();
    open_svg(&mut out, chart, title, HEIGHT);
    legend(&mut out, series, 6);
    let plot_w = f64::from(WIDTH) - LEFT - RIGHT;
    let plot_h = f64::from(HEIGHT) - TOP - BOTTOM;
    let max = points
        .iter()
        .flat_map(|(_, values)| values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    // Axes and three gridlines with their values.
    for step in 0..=2u64 {
        let value = max * step / 2;
        let y = TOP + plot_h - value as f64 / max as f64 * plot_h;
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" class=\"grid\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"axis\">{value}</text>",
            LEFT + plot_w,
            LEFT - 6.0,
            y + 4.0
        );
    }
    if points.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"empty\">no history yet</text>",
            LEFT + 10.0,
            TOP + plot_h / 2.0
        );
        out.push_str("</svg>");
        return out;
    }
    let x_of = |i: usize| {
        if points.len() == 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (points.len() - 1) as f64
        }
    };
    let y_of = |v: u64| TOP + plot_h - v as f64 / max as f64 * plot_h;
    for (k, s) in series.iter().enumerate() {
        let coords: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, (_, values))| {
                format!(
                    "{:.1},{:.1}",
                    x_of(i),
                    y_of(values.get(k).copied().unwrap_or(0))
                )
            })
            .collect();
        let _ = write!(
            out,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" points=\"{}\"/>",
            s.colour,
            coords.join(" ")
        );
        for (i, (label, values)) in points.iter().enumerate() {
            let value = values.get(k).copied().unwrap_or(0);
            let _ = write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{}\"><title>{}: {} {}</title></circle>",
                x_of(i),
                y_of(value),
                s.colour,
                escape(label),
                value,
                escape(s.label)
            );
        }
    }
    // Date labels: first, middle and last are enough to read the trend.
    let mut shown = vec![0, points.len() / 2, points.len() - 1];
    shown.dedup();
    for i in shown {
        // The first and last labels hang inwards so that they stay inside the picture.
        let anchor = if points.len() == 1 {
            "middle"
        } else if i == 0 {
            "start"
        } else if i == points.len() - 1 {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" class=\"axis\">{}</text>",
            x_of(i),
            f64::from(HEIGHT) - 14.0,
            escape(&points[i].0)
        );
    }
    out.push_str("</svg>");
    out
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_control_characters() {
        assert_eq!(
            escape("<script>alert('x')</script>&\"\u{0}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;\u{FFFD}"
        );
    }

    #[test]
    fn bars_scale_to_the_largest_row_and_escape_labels() {
        let svg = stacked_bars(
            "t",
            "T",
            &[("<b>".into(), vec![10]), ("b".into(), vec![5])],
            &[Series {
                label: "n",
                colour: "#000",
            }],
        );
        assert!(svg.contains("width=\"380.0\""), "{svg}");
        assert!(svg.contains("width=\"190.0\""), "{svg}");
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;"));
    }

    #[test]
    fn line_chart_with_no_points_says_so() {
        let svg = line_chart(
            "p",
            "P",
            &[],
            &[Series {
                label: "open",
                colour: "#000",
            }],
        );
        assert!(svg.contains("no history yet"));
        assert!(svg.ends_with("</svg>"));
    }
}
