// The kiosk's own words (attract screen, countdown, QR panels, staff self-test), kept apart from strings.hpp
// so the kiosk can change without touching the site's texts. Same rules: both languages, glyphs the font has.
#pragma once

#include "ui/format.hpp"

namespace portal::ui::kstr {

inline constexpr Phrase attract_title{"上虞青春之城", "Shangyu, a city for the young"};
inline constexpr Phrase attract_subtitle{"创客城市政策导航", "Maker City policy guide"};
inline constexpr Phrase attract_pitch{"零租金创业空间 · 青春公寓 · 生活津贴 · 房票 · 创业贷款 · 技能补贴",
                                      "Free maker space · youth flats · living allowances · housing vouchers · start-up loans · skills grants"};
inline constexpr Phrase attract_promise{"回答几个问题，一分钟看看哪些政策适合你、价值多少",
                                        "Answer a few questions and see in a minute which support fits you and what it is worth"};
inline constexpr Phrase attract_cta{"触摸屏幕开始", "Touch the screen to start"};
inline constexpr Phrase attract_privacy{"不需要登录 · 不保存任何信息 · 离开后自动清除",
                                        "No sign-in · nothing is stored · cleared when you leave"};

inline constexpr Phrase still_there{"还在吗？", "Still there?"};
inline constexpr Phrase still_there_body{"为保护你的隐私，{} 秒后将清除本次浏览的全部内容。",
                                         "To protect your privacy, everything from this visit is cleared in {} s."};
inline constexpr Phrase touch_to_continue{"触摸任意位置继续", "Touch anywhere to continue"};

inline constexpr Phrase start_over{"重新开始", "Start over"};
inline constexpr Phrase take_results{"扫码带走结果", "Take my results"};
inline constexpr Phrase booth_name{"上虞人才招聘会 · 政策自助查询", "Shangyu talent fair · policy self-service"};

inline constexpr Phrase share_title{"用手机扫码，带走你的结果", "Scan with your phone to take your results with you"};
inline constexpr Phrase share_body{"链接里只有你的答案，打开即可看到同样的结果。本机不保存任何内容。",
                                   "The link holds only your answers and opens the same results on your phone. Nothing is kept on this screen."};
inline constexpr Phrase share_empty{"先回答几个问题，再带走你的结果。", "Answer a few questions first, then take your results with you."};
inline constexpr Phrase link_title{"用手机扫码打开此链接", "Scan to open this link on your phone"};
inline constexpr Phrase link_body{"本机为公共自助设备，不打开外部网页。", "This is a shared screen: outside pages open on your own phone."};
inline constexpr Phrase close{"关闭", "Close"};

inline constexpr Phrase tiles_title{"你想了解哪一类支持？", "What kind of support are you looking for?"};
inline constexpr Phrase tiles_hint{"点一下分类即可浏览，或去做资格自测", "Tap a category to browse it, or take the eligibility check"};
inline constexpr Phrase tile_count{"{} 项政策", "{} policies"};
inline constexpr Phrase tile_all{"全部政策", "All policies"};
inline constexpr Phrase tile_check{"一分钟资格自测", "One-minute eligibility check"};
inline constexpr Phrase tile_check_body{"点选回答，立即看到适合你的政策", "Answer by tapping and see what fits you"};
inline constexpr Phrase back_to_tiles{"‹ 全部分类", "‹ All categories"};

inline constexpr Phrase keypad_delete{"删除", "Del"};

inline constexpr Phrase selftest_title{"设备自检（工作人员）", "Booth self-test (staff)"};
inline constexpr Phrase selftest_examples{"政策数据示例", "Policy data examples"};
inline constexpr Phrase selftest_jsonlogic{"JsonLogic 官方一致性测试", "Official JsonLogic conformance suite"};
inline constexpr Phrase selftest_counts{"通过 {} · 失败 {}", "{} passed · {} failed"};
inline constexpr Phrase selftest_running{"正在运行…", "Running…"};
inline constexpr Phrase selftest_all_pass{"全部通过", "All passing"};
inline constexpr Phrase selftest_failures{"失败项", "Failures"};
inline constexpr Phrase selftest_meta{"数据版本 {} · 程序构建于 {} · 评估日期 {}", "Data version {} · app built {} · evaluation date {}"};
inline constexpr Phrase selftest_error{"测试文件无法读取：{}", "The suite could not be read: {}"};

}  // namespace portal::ui::kstr
