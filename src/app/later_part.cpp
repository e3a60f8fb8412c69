#include "app/later_part.hpp"

namespace portal::app {

const char* later_status_name(LaterStatus status) {
    switch (status) {
        case LaterStatus::in_data: return "in_data";
        case LaterStatus::awaited: return "awaited";
        case LaterStatus::requested: return "requested";
        case LaterStatus::joined: return "joined";
        case LaterStatus::failed: return "failed";
    }
    return "in_data";
}

core::Diagnostic download_failure(const std::string& file, const std::string& error) {
    core::Diagnostic failed;
    failed.file = file;
    failed.message = "could not be downloaded: " + error;
    return failed;
}

}  // namespace portal::app
