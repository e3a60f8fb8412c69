// The frame shared by the generated pages: doctype, <head> with a Content-Security-Policy that allows no script,
// no connection and exactly the page's own inline <style> (by its SHA-256), then the body as given.
#pragma once

#include <string>
#include <string_view>

namespace portal::report {

struct PageParts {
    std::string_view lang = "zh-CN";   // the <html lang>
    std::string title;                 // plain text; escaped here
    std::string_view style;            // the CSS, inlined and hashed
    std::string body;                  // finished HTML
};

std::string html_document(const PageParts& parts);

// The CSP that html_document() writes for `style`.
std::string page_csp(std::string_view style);

}  // namespace portal::report
