#include <limber/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace limber {

std::string quote(std::string_view value) {
    constexpr std::size_t k_max_chars = 60;
    std::string out = "'";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        const bool starts_character = (c & 0xC0) != 0x80;  // not a UTF-8 continuation byte
        if (starts_character) {
            if (shown == k_max_chars) {
                out += "…";
                break;
            }
            ++shown;
        }
        if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02x}", c);
        } else if (c == '\'') {
            out += "\\'";
        } else {
            out += static_cast<char>(c);
        }
    }
    out += "'";
    return out;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(to_lower(word), candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    // a typo, not a different word: at most a third of the letters wrong (and at least one allowed)
    const std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
    if (best_distance <= allowed) return best;
    // or a prefix ("exer" for "exercises")
    for (const auto& candidate : candidates)
        if (word.size() >= 2 && candidate.starts_with(to_lower(word))) return candidate;
    return {};
}

bool parse_int(std::string_view text, long long min, long long max, long long& out) {
    if (text.empty()) return false;
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) return false;
    if (value < min || value > max) return false;
    out = value;
    return true;
}

}  // namespace limber
