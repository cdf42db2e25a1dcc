//! The what-if diff's labels (`crate::what_if`): headings, totals and field names, looked up
//! by id like the report's.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e("label.what_if.title", "what-if", "规则变更比较"),
    e("label.what_if.before", "before", "变更前"),
    e("label.what_if.after", "after", "变更后"),
    e("label.what_if.as_of", "as of", "截至"),
    e("label.what_if.cases", "cases changed", "变化的办件"),
    e("label.what_if.people", "people changed", "变化的人员"),
    e(
        "label.what_if.window_cards",
        "windows' own cards changed",
        "变化的窗口考核卡",
    ),
    e("label.what_if.ranks", "windows re-ranked", "排名变化的窗口"),
    e(
        "label.what_if.decisions",
        "decisions changing tier",
        "层级变化的问责决定",
    ),
    e(
        "label.what_if.scorecards",
        "scorecards changed",
        "变化的考核卡",
    ),
    e("label.what_if.due_date", "due date", "到期日"),
    e("label.what_if.status", "status", "状态"),
    e("label.what_if.overdue_days", "overdue days", "超期天数"),
    e("label.what_if.total", "score", "得分"),
    e("label.what_if.fines", "fines", "罚款"),
    e("label.what_if.withholdings", "withholdings", "扣发"),
    e("label.what_if.effects", "effects", "后果"),
    e("label.what_if.card", "card", "考核卡"),
    e("label.what_if.rank", "rank", "名次"),
    e("label.what_if.score", "ranking score", "排名得分"),
    e("label.what_if.eligible", "eligible", "红旗窗口资格"),
    e("label.what_if.window", "ranked", "参与排名"),
    e("label.what_if.tier", "tier", "层级"),
    e("label.what_if.row", "row", "行"),
    e("label.what_if.responsible", "rules responsible", "相关规则"),
    e("label.what_if.nothing", "nothing changes", "无变化"),
    e("label.what_if.none", "none", "无"),
    e("label.what_if.manual", "a person's to decide", "由人工决定"),
    e(
        "label.what_if.skipped",
        "rows skipped (unreadable, or unanswerable under a side)",
        "未能处理的行（无法读取，或某一方无法处理）",
    ),
    e("label.what_if.both", "both", "双方"),
];
