#include "report/html_page.hpp"

#include "report/escape.hpp"
#include "report/sha256.hpp"

namespace portal::report {

std::string page_csp(std::string_view style) {
    // img-src 'self' for the site's icon; everything else, scripts included, is refused.
    return "default-src 'none'; style-src " + csp_hash(style) +
           "; img-src 'self'; base-uri 'none'; form-action 'none'";
}

std::string html_document(const PageParts& parts) {
    // The CSP is written as it is: it holds only our own ASCII (no quote marks, no markup).
    std::string page = "<!doctype html>\n<html lang=\"" + escape_attr(parts.lang) + "\">\n<head>\n";
    page += "<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + page_csp(parts.style) + "\">\n";
    page += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    page += "<meta name=\"color-scheme\" content=\"light\">\n";
    page += "<title>" + escape_html(parts.title) + "</title>\n";
    page += "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n";
    // The style goes in verbatim: it is ours, and the hash must cover exactly these bytes.
    page += "<style>";
    page += parts.style;
    page += "</style>\n</head>\n<body>\n";
    page += parts.body;
    page += "</body>\n</html>\n";
    return page;
}

}  // namespace portal::report
