//! Access rules and retention (issue #15 points 4 and 6): loading `[access]` and
//! `[[retention]]`, the requests' and records' rows, and their answers' errors.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Loading `[access]`.
    e(
        "access.named_twice",
        "access level or role `{id}` is defined twice",
        "访问控制的密级或角色`{id}`重复定义",
    ),
    e(
        "access.no_named",
        "no access level or role `{name}`",
        "没有访问控制的密级或角色`{name}`",
    ),
    e(
        "access.rule_twice",
        "access rule `{id}` is defined twice",
        "访问规则`{id}`重复定义",
    ),
    e(
        "access.no_action",
        "access rule `{id}` names no action",
        "访问规则`{id}`未列出任何动作",
    ),
    e(
        "access.no_action_hint",
        "list the actions it answers, such as `actions = [\"read\"]`",
        "列出该规则适用的动作，例如`actions = [\"read\"]`",
    ),
    e(
        "access.approval_missing",
        "access rule `{id}` allows with an approval but names none",
        "访问规则`{id}`为须经批准方可允许，但未写明所需批准",
    ),
    e(
        "access.approval_missing_hint",
        "add an `approval` table with its `id`, `name` and `by`",
        "添加`approval`表，写明其`id`、`name`和`by`",
    ),
    e(
        "access.approval_not_needed",
        "access rule `{id}` has an approval but its decision is not `allow_with_approval`",
        "访问规则`{id}`写有批准，但其决定不是`allow_with_approval`",
    ),
    e(
        "access.no_scope",
        "no access scope `{name}`",
        "没有保密范围事项`{name}`",
    ),
    // Answering requests.
    e(
        "access.unknown",
        "policy has no access {what} `{given}`",
        "制度没有访问控制的{what}`{given}`",
    ),
    e(
        "access.no_rules",
        "policy `{id}` has no access rules",
        "制度`{id}`没有访问规则",
    ),
    e(
        "access.no_rules_hint",
        "policies with `[access]`: s1-window-it, s3-culture-centre, s6-food-additives, s9-culture-centre-variant, s12-confidentiality",
        "有`[access]`的制度：s1-window-it、s3-culture-centre、s6-food-additives、s9-culture-centre-variant、s12-confidentiality",
    ),
    // Loading `[[retention]]`.
    e(
        "retention.rule_twice",
        "retention rule `{id}` is defined twice",
        "保存规则`{id}`重复定义",
    ),
    e(
        "retention.kind_twice",
        "record kind `{kind}` is already kept by `{rule}`",
        "记录类别`{kind}`已由`{rule}`规定保存",
    ),
    e(
        "retention.no_kinds",
        "retention rule `{id}` lists no record kinds, so it keeps nothing",
        "保存规则`{id}`未列出任何记录类别，不适用于任何记录",
    ),
    e(
        "retention.no_kinds_hint",
        "name the record kinds it keeps, as `kinds = [\"complaint\"]`",
        "请写明其保存的记录类别，如`kinds = [\"complaint\"]`",
    ),
    e(
        "retention.years_range",
        "`years` must be from 1 to {max}",
        "`years`须为1至{max}",
    ),
    e(
        "retention.one_of",
        "retention rule `{id}` needs exactly one of `years` and `until`",
        "保存规则`{id}`须且只能写`years`或`until`之一",
    ),
    e(
        "retention.one_of_hint",
        "keep for a period (`years = 2`) or until an event (`until = \"public\"`)",
        "按期限保存（`years = 2`）或保存至某一事件（`until = \"public\"`）",
    ),
    // Answering records.
    e(
        "retention.unknown_kind",
        "policy has no retention rule for record kind `{kind}`",
        "制度没有记录类别`{kind}`的保存规则",
    ),
    e(
        "retention.no_date",
        "record `{id}` has no date",
        "记录`{id}`没有日期",
    ),
    e(
        "retention.no_date_hint",
        "`{rule}` keeps `{kind}` for {years} years from the record's date",
        "`{rule}`规定`{kind}`自记录日期起保存{years}年",
    ),
    e(
        "retention.too_far",
        "record `{id}` is kept past the last date",
        "记录`{id}`的保存期超出可表示的最后日期",
    ),
    e(
        "retention.no_rules",
        "policy `{id}` has no retention rules",
        "制度`{id}`没有保存规则",
    ),
    e(
        "retention.no_rules_hint",
        "policies with `[[retention]]`: s2-service-center, s4-duty-rota, s5-pest-control, s6-food-additives, s11-occupational-health, s12-confidentiality, s15-township-center",
        "有`[[retention]]`的制度：s2-service-center、s4-duty-rota、s5-pest-control、s6-food-additives、s11-occupational-health、s12-confidentiality、s15-township-center",
    ),
    // The rows of requests and records.
    e(
        "rows.doc.request_role",
        "the person's role or level, as the policy names it",
        "此人的角色或级别，按制度中的名称",
    ),
    e(
        "rows.doc.request_action",
        "`read`, `copy`, `borrow`, `lend`, `take_out`, `repair`, `share` …",
        "`read`（阅）、`copy`（复制）、`borrow`（借阅）、`lend`（外借）、`take_out`（带出）、`repair`（维修）、`share`（共享）…",
    ),
    e(
        "rows.doc.request_item",
        "the item, as the policy's rules name items",
        "所涉物品，按制度规则中的名称",
    ),
    e(
        "rows.doc.request_level",
        "the item's secrecy level (绝密, 机密, 秘密 …)",
        "物品的密级（绝密、机密、秘密…）",
    ),
    e(
        "rows.doc.request_scope",
        "the item's scope item when it has no level",
        "物品未标密级时所属的保密范围事项",
    ),
    e(
        "rows.doc.request_facts",
        "facts the rules read (approvals given, `work_need` …); default: none",
        "规则所需的事实（已获批准、`work_need`…）；缺省：无",
    ),
    e(
        "rows.hint.request",
        "a request has `subject`, `role` and `action`, and optionally `item`, `level`, `scope`, `facts` (a list or a `;`-separated text) and `note`",
        "访问请求须有`subject`、`role`、`action`，可选`item`、`level`、`scope`、`facts`（列表或以`;`分隔的文本）和`note`",
    ),
    e("rows.doc.record_id", "the record's id", "记录的编号"),
    e(
        "rows.doc.record_kind",
        "the record's kind, as the policy's rules name it",
        "记录类别，按制度规则中的名称",
    ),
    e(
        "rows.doc.record_date",
        "the record's date (required by period rules)",
        "记录日期（按期限保存的规则必填）",
    ),
    e(
        "rows.doc.record_event_on",
        "when the event of an event rule happened (made public, discarded)",
        "事件规则所述事件发生之日（公开、废弃）",
    ),
    e(
        "rows.hint.record",
        "a record has `id` and `kind`, and optionally `date`, `event_on` and `note`",
        "记录须有`id`和`kind`，可选`date`、`event_on`和`note`",
    ),
];
