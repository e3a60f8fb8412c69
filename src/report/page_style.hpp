// The style sheets of the generated pages, inlined into each page and allowed by their hash (html_page.hpp).
// Colours are the portal's (shell/portal.css); every text/background pair meets WCAG AA contrast.
#pragma once

#include <string_view>

namespace portal::report {

// Shared by both pages: type, colours, links, tables, print rules.
#define PORTAL_REPORT_BASE_STYLE                                                                                  \
    ":root{--page:#F5F7FA;--surface:#FFFFFF;--text:#1E2933;--muted:#4F5D6C;--accent:#0C6DA4;--soft:#DEEEF7;"   \
    "--border:#D1D8E1;--warn:#8A4B00;--warn-bg:#FFF4E0;--ok:#1D6B3A;--bad:#B42323}"                              \
    "*{box-sizing:border-box}"                                                                                   \
    "html{-webkit-text-size-adjust:100%}"                                                                        \
    "body{margin:0;background:var(--page);color:var(--text);line-height:1.65;font-size:16px;"                   \
    "font-family:\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",system-ui,sans-serif}"                 \
    ".wrap{max-width:980px;margin:0 auto;padding:0 20px}"                                                        \
    "a{color:var(--accent)}a:focus-visible{outline:3px solid #F49E00;outline-offset:2px}"                      \
    ".en{color:var(--muted)}"                                                                                    \
    "h1,h2,h3,h4{line-height:1.35}"                                                                              \
    "h1 .en,h2 .en,h3 .en{display:block;font-weight:500;font-size:.72em;margin-top:2px}"                         \
    "h4 .en,th .en,dt .en{font-weight:500}"                                                                      \
    "table{border-collapse:collapse;width:100%;background:var(--surface);margin:8px 0 12px}"                   \
    "th,td{border:1px solid var(--border);padding:8px 10px;text-align:left;vertical-align:top}"                 \
    "th{background:var(--soft)}td .en,th .en{display:block;font-size:.88em}"                                    \
    "code{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:.9em;background:var(--soft);"        \
    "padding:0 4px;border-radius:3px}"                                                                           \
    "@media print{body{background:#fff;font-size:11pt}a{color:inherit}"                                          \
    ".skip,.back,.to-top{display:none}"                                                                          \
    "a[href^=\"http\"]::after,a[href^=\"mailto\"]::after,a[href^=\"tel\"]::after{content:\" <\" attr(href) \">\";" \
    "font-size:.85em;color:var(--muted);word-break:break-all}"                                                   \
    "h2,h3,h4{break-after:avoid}tr,li,dd{break-inside:avoid}}"

inline constexpr std::string_view kPoliciesStyle =
    PORTAL_REPORT_BASE_STYLE
    ".skip{position:absolute;left:8px;top:-60px;background:var(--surface);padding:8px 14px;z-index:2;"
    "border-radius:6px}.skip:focus{top:8px}"
    ".masthead{background:var(--accent);color:#fff;padding:18px 0 22px}"
    ".masthead a{color:#fff}.masthead .en{color:#E3F0F8}"
    ".masthead h1{margin:6px 0 4px;font-size:1.7rem}"
    ".back{margin:0;font-size:.92rem}.back .en,.kicker .en,.version .en{display:inline}"
    ".kicker{margin:2px 0;font-weight:600}.version{margin:2px 0;font-size:.92rem}"
    ".notice{background:var(--surface);border:1px solid var(--border);border-left:5px solid var(--accent);"
    "border-radius:8px;padding:6px 16px;margin:20px 0}"
    ".notice p{margin:8px 0}"
    ".toc{background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:4px 20px 12px}"
    ".toc>ol{padding-left:1.2em;columns:2 330px;column-gap:32px}"
    ".toc>ol>li{break-inside:avoid;margin:8px 0;font-weight:600}"
    ".toc ol ol{font-weight:400;padding-left:1.2em;font-size:.92rem}"
    ".toc a{text-decoration:none}.toc a:hover{text-decoration:underline}"
    ".toc .en{display:block;font-size:.86em;line-height:1.35}.count{color:var(--muted);font-weight:400}"
    "main:focus{outline:none}"
    ".category>h2{margin:36px 0 12px;padding-bottom:6px;border-bottom:3px solid var(--accent)}"
    ".policy{background:var(--surface);border:1px solid var(--border);border-radius:10px;"
    "padding:4px 22px 12px;margin:16px 0}"
    ".policy h3{font-size:1.25rem;margin:16px 0 8px}"
    ".policy h4{font-size:1rem;margin:20px 0 6px;color:var(--accent)}.policy h4 .en{color:var(--muted)}"
    ".policy p{margin:4px 0}.policy p.en{margin-bottom:10px}"
    ".summary{font-weight:600}.summary.en{font-weight:400}"
    ".facts{list-style:none;padding:0;margin:4px 0 10px;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:.92rem}"
    ".badge{display:inline-block;border-radius:12px;padding:0 10px;font-weight:600;background:var(--soft)}"
    ".badge .en{color:inherit}.badge.confirmed{color:var(--ok)}.badge.secondary{color:var(--accent)}"
    ".badge.article{color:var(--muted)}.badge.illustrative,.badge.unconfirmed{color:var(--warn);background:var(--warn-bg)}"
    ".warning{background:var(--warn-bg);border-left:5px solid var(--warn);padding:6px 14px;margin:8px 0;"
    "border-radius:6px;color:var(--warn)}.warning .en{color:var(--warn)}"
    ".criteria li{margin:6px 0 10px}.criteria .terms,.criteria .hint{font-size:.92rem}"
    ".criteria .terms.zh::before{content:\"条款：\"}.criteria .terms.en::before{content:\"Terms: \"}"
    ".criteria .hint.zh::before{content:\"如何满足：\"}.criteria .hint.en::before{content:\"To meet it: \"}"
    "dl{margin:6px 0;display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}"
    "dt{font-weight:600}dd{margin:0}dd ul{margin:0;padding-left:1.2em}"
    "dd .en,dt .en{display:block}"
    ".to-top{text-align:right;font-size:.88rem}.to-top .en{display:inline}"
    ".foot{margin-top:32px;padding:14px 0 28px;border-top:1px solid var(--border);font-size:.9rem}"
    "@media (max-width:640px){.wrap{padding:0 12px}.masthead h1{font-size:1.4rem}.policy{padding:2px 14px 10px}"
    "dl{grid-template-columns:1fr}dt{margin-top:6px}"
    "table.benefits thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    "table.benefits,table.benefits tbody,table.benefits tr,table.benefits td{display:block;width:100%}"
    "table.benefits tr{border:1px solid var(--border);border-radius:6px;margin-bottom:10px}"
    "table.benefits td{border:0;border-bottom:1px solid var(--border);position:relative;padding:6px 10px 6px 7.8em;"
    "min-height:2.4em}table.benefits td:last-child{border-bottom:0}"
    "table.benefits td::before{content:attr(data-label);position:absolute;left:10px;top:7px;white-space:nowrap;"
    "font-size:.8em;line-height:1.4;color:var(--muted);font-weight:600}}"
    "@media print{.masthead{background:none;color:var(--text);padding:0}.masthead a,.masthead .en{color:inherit}"
    ".notice,.toc,.policy{border:0;padding:0;background:none}.toc>ol{columns:2}"
    ".category{break-before:page}.category:first-of-type{break-before:auto}"
    ".badge{background:none;padding:0}}";

inline constexpr std::string_view kSummaryStyle =
    PORTAL_REPORT_BASE_STYLE
    "main{max-width:860px;margin:0 auto;padding:12px 20px 32px}"
    "h1{color:var(--accent);margin:16px 0 4px}"
    "h2{margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--accent)}"
    "h3{margin:16px 0 4px;font-size:1.08rem}"
    ".meta{color:var(--muted);margin:2px 0}"
    ".note{background:var(--warn-bg);border-left:5px solid var(--warn);padding:8px 14px;border-radius:6px}"
    ".total{font-size:1.15rem;font-weight:700;color:var(--ok)}"
    "ul{padding-left:1.3em}li{margin:3px 0}"
    "@media print{main{padding:0}.note{background:none}}";

#undef PORTAL_REPORT_BASE_STYLE

}  // namespace portal::report
