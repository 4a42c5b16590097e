#include <limber/ui/ui.hpp>

#include <algorithm>
#include <cctype>
#include <ostream>

namespace limber::ui {

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!m_enabled) return std::string(text);
    std::string out = "\x1b[";
    out += code;
    out += 'm';
    out += text;
    out += "\x1b[0m";
    return out;
}

std::string fit(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    std::string cut;
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size() && columns + 1 < width; ++i) {
        cut += text[i];
        while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xc0) == 0x80) cut += text[++i];
        ++columns;
    }
    return cut + "…";
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto space = text.find(' ', start);
        const auto word = text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += fit(word, width);
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string bar(double fraction, std::size_t width) {
    const auto filled = static_cast<std::size_t>(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(width) + 0.5);
    std::string text;
    for (std::size_t i = 0; i < width; ++i) text += i < filled ? "█" : "░";
    return text;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b) {  // skip an escape sequence up to its final letter
            while (i + 1 < text.size() && !std::isalpha(static_cast<unsigned char>(text[i + 1]))) ++i;
            ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++width;
    }
    return width;
}

void Table::print(std::ostream& out, const Style& style) const {
    std::vector<std::size_t> widths(m_headers.size(), 0);
    auto measure = [&widths](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(cells[i]));
    };
    measure(m_headers);
    for (const auto& row : m_rows) measure(row);

    auto line = [&](const std::vector<std::string>& cells, bool header) {
        std::string text;
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
            const bool last = i + 1 == cells.size();
            text += header ? style.bold(cells[i]) : cells[i];
            if (!last) text += std::string(widths[i] - display_width(cells[i]) + 2, ' ');
        }
        out << text << '\n';
    };
    line(m_headers, true);
    for (const auto& row : m_rows) line(row, false);
}

}  // namespace limber::ui
