#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace limber {

namespace {

unsigned char byte_at(std::string_view text, std::size_t at) { return static_cast<unsigned char>(text[at]); }

/// A C0 or C1 control character or DEL starts at `text[at]`, whose valid UTF-8 sequence is
/// `length` bytes long (0 when invalid).
bool control_at(std::string_view text, std::size_t at, std::size_t length) {
    const auto c = byte_at(text, at);
    return c < 0x20 || c == 0x7f || (length == 2 && c == 0xC2 && byte_at(text, at + 1) < 0xA0);
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto c = byte_at(text, at);
    if (c == 0) return 0;
    if (c < 0x80) return 1;
    std::size_t length = 0;
    unsigned min = 0;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    unsigned code = c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = byte_at(text, at + k);
        if ((next & 0xC0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;  // overlong, too big, surrogate
    return length;
}

std::size_t invalid_utf8_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string note_problem(std::string_view text) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++characters) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (control_at(text, i, length) && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
            return "holds a control character; a note is text, with tabs and line breaks at most";
        if (length == 0) return "not UTF-8 text";
        i += length;
    }
    if (characters > k_note_max_characters)
        return fmt::format("too long ({} characters); a note holds at most {}", characters, k_note_max_characters);
    return "";
}

std::string quote(std::string_view value) {
    constexpr std::size_t k_max_chars = 60;
    std::string out = "'";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < value.size();) {
        if (shown == k_max_chars) {
            out += "…";
            break;
        }
        ++shown;
        const std::size_t length = utf8_sequence_length(value, i);
        if (length == 0 || control_at(value, i, length)) {  // each byte escaped: \x1b, \xff, \xc2\x9b
            for (std::size_t k = 0; k < std::max<std::size_t>(length, 1); ++k)
                out += fmt::format("\\x{:02x}", byte_at(value, i + k));
        } else if (value[i] == '\'') {
            out += "\\'";
        } else {
            out.append(value.substr(i, length));
        }
        i += std::max<std::size_t>(length, 1);
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

std::string capitalized(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
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

std::string counted(long long n, std::string_view one, std::string_view many) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
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
    if (text.empty() || (min >= 0 && text.front() == '-')) return false;  // no sign, not even "-0"
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) return false;
    if (value < min || value > max) return false;
    out = value;
    return true;
}

}  // namespace limber
