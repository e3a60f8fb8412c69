#include "ui/portal_ui.hpp"

#include "ui/theme.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace portal::ui {

struct PortalUi::Impl {
    nlohmann::json data;
    std::string today;
};

namespace {

const char* tr(core::Lang lang, const char* zh, const char* en) { return lang == core::Lang::zh ? zh : en; }

std::string text_in(const nlohmann::json& text, core::Lang lang) {
    if (!text.is_object()) return {};
    const char* key = lang == core::Lang::zh ? "zh" : "en";
    if (text.contains(key) && text[key].is_string()) return text[key].get<std::string>();
    if (text.contains("zh") && text["zh"].is_string()) return text["zh"].get<std::string>();
    return {};
}

}  // namespace

PortalUi::PortalUi() : impl_(new Impl) {}
PortalUi::~PortalUi() { delete impl_; }

void PortalUi::start(StartupData data) {
    state_.lang = data.preferred_lang == "en" ? core::Lang::en : core::Lang::zh;
    impl_->today = data.today;
    font_file_ = std::move(data.font);
    impl_->data = nlohmann::json::parse(data.policy_json, nullptr, false);
    if (impl_->data.is_discarded()) state_.error = data.policy_file_name + ": not valid JSON";
    apply_theme(ImGui::GetStyle(), 1.0f);
    fonts_dirty_ = true;
}

void PortalUi::build_fonts(float density) {
    ImGuiIO& io = ImGui::GetIO();
    if (!ui::build_fonts(*io.Fonts, font_file_, density, 1.0f, FontSizes{}, fonts_)) {
        if (state_.error.empty()) state_.error = "the bundled font could not be read";
    }
    fonts_dirty_ = false;
}

ImVec4 PortalUi::background_colour() const { return palette().page; }

void PortalUi::draw() {
    locator_.begin_frame();
    const Palette& p = palette();
    const core::Lang lang = state_.lang;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##portal", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    // Header: title and language toggle.
    ImGui::PushFont(fonts_.heading);
    ImGui::TextColored(p.accent, "%s", tr(lang, "上虞青春之城 · 创客城市政策导航", "Shangyu Maker City Policy Explorer"));
    ImGui::PopFont();
    const char* toggle = tr(lang, "English", "中文");
    const float toggle_width = ImGui::CalcTextSize(toggle).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - toggle_width);
    if (ImGui::Button(toggle)) app::switch_language(state_);
    locator_.mark("lang");
    ImGui::TextColored(p.text_muted, "%s",
                       tr(lang, "查找适合你的人才、创业、住房与技能政策", "Find the talent, start-up, housing and skills policies that fit you"));
    ImGui::Separator();

    // Tabs.
    struct Tab { app::View view; const char* id; const char* zh; const char* en; };
    const Tab tabs[] = {{app::View::explore, "tab:explore", "浏览政策", "Explore"},
                        {app::View::check, "tab:check", "资格自测", "Check eligibility"},
                        {app::View::compare, "tab:compare", "对比", "Compare"}};
    for (const Tab& tab : tabs) {
        const bool active = state_.view == tab.view;
        ImGui::PushStyleColor(ImGuiCol_Button, active ? p.accent : p.surface);
        ImGui::PushStyleColor(ImGuiCol_Text, active ? p.on_accent : p.text);
        if (ImGui::Button(tr(lang, tab.zh, tab.en))) app::show_view(state_, tab.view);
        ImGui::PopStyleColor(2);
        locator_.mark(tab.id);
        ImGui::SameLine();
    }
    ImGui::NewLine();

    if (!state_.error.empty()) {
        ImGui::TextColored(p.danger, "%s", state_.error.c_str());
    } else if (impl_->data.contains("policies") && impl_->data["policies"].is_array()) {
        for (const auto& policy : impl_->data["policies"]) {
            ImGui::PushFont(fonts_.heading);
            ImGui::TextWrapped("%s", text_in(policy.value("title", nlohmann::json()), lang).c_str());
            ImGui::PopFont();
            ImGui::TextWrapped("%s", text_in(policy.value("summary", nlohmann::json()), lang).c_str());
            ImGui::Separator();
        }
    }
    ImGui::End();
    locator_.end_frame();
    ++state_.frames;
}

std::string PortalUi::state_json() const {
    nlohmann::json out;
    out["lang"] = state_.lang == core::Lang::zh ? "zh" : "en";
    out["view"] = app::view_name(state_.view);
    out["frames"] = state_.frames;
    out["error"] = state_.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(state_.error);
    return out.dump();
}

std::string PortalUi::locate_json(std::string_view id) const {
    const auto rect = locator_.find(id);
    if (!rect) return "null";
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", static_cast<double>(rect->x),
                  static_cast<double>(rect->y), static_cast<double>(rect->w), static_cast<double>(rect->h));
    return buf;
}

}  // namespace portal::ui
