//! Small inline SVG charts: horizontal bars and a histogram. No scripts, no network. The
//! geometry is floating point; the numbers printed on the bars are the report's own, exact.

use std::fmt::Write;

/// Escape text for XML.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One bar: label, value, and whether it is highlighted (e.g. a disqualified window).
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: f64,
    pub(crate) text: String,
    pub(crate) muted: bool,
}

/// Horizontal bars, one per row, scaled to the largest value.
pub(crate) fn bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let row = 22.0;
    let label_w = 150.0;
    let width = 640.0;
    let height = 30.0 + row * bars.len().max(1) as f64;
    let max = bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" data-chart="{id}" role="img" aria-label="{t}" viewBox="0 0 {width} {height}" width="100%"><title>{t}</title>"#,
        id = esc(id),
        t = esc(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = 10.0 + row * i as f64;
        let w = (width - label_w - 70.0) * (b.value / max).max(0.0);
        let class = if b.muted { "bar muted" } else { "bar" };
        let _ = write!(
            s,
            r#"<text x="{lx}" y="{ty}" text-anchor="end" class="label">{label}</text><rect x="{label_w}" y="{y}" width="{w:.1}" height="16" class="{class}"/><text x="{vx:.1}" y="{ty}" class="value">{text}</text>"#,
            lx = label_w - 6.0,
            ty = y + 12.5,
            label = esc(&b.label),
            vx = label_w + w + 4.0,
            text = esc(&b.text),
        );
    }
    if bars.is_empty() {
        let _ = write!(s, r#"<text x="10" y="24" class="label">—</text>"#);
    }
    s.push_str("</svg>");
    s
}

/// A histogram of integer values in bins of `step`, labelled by bin start.
pub(crate) fn histogram(id: &str, title: &str, values: &[i64], step: i64) -> String {
    let step = step.max(1);
    let (lo, hi) = match (values.iter().min(), values.iter().max()) {
        (Some(&lo), Some(&hi)) => (lo.div_euclid(step) * step, hi.div_euclid(step) * step),
        _ => (0, 0),
    };
    let bins = usize::try_from((hi - lo) / step + 1).unwrap_or(1).min(60);
    let mut counts = vec![0usize; bins];
    for &v in values {
        let i = usize::try_from((v - lo) / step)
            .unwrap_or(0)
            .min(bins.saturating_sub(1));
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    let width = 640.0;
    let height = 200.0;
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let bw = (width - 40.0) / bins.max(1) as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" data-chart="{id}" role="img" aria-label="{t}" viewBox="0 0 {width} {h2}" width="100%"><title>{t}</title>"#,
        id = esc(id),
        t = esc(title),
        h2 = height + 30.0
    );
    for (i, &c) in counts.iter().enumerate() {
        let h = (height - 20.0) * c as f64 / max;
        let x = 20.0 + bw * i as f64;
        let y = height - h;
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" class="bar"/>"#,
            w = (bw - 2.0).max(1.0)
        );
        if c > 0 {
            let _ = write!(
                s,
                r#"<text x="{cx:.1}" y="{ty:.1}" text-anchor="middle" class="value">{c}</text>"#,
                cx = x + bw / 2.0,
                ty = y - 3.0
            );
        }
        let _ = write!(
            s,
            r#"<text x="{cx:.1}" y="{ly}" text-anchor="middle" class="label">{b}</text>"#,
            cx = x + bw / 2.0,
            ly = height + 16.0,
            b = lo + step * i as i64
        );
    }
    s.push_str("</svg>");
    s
}
