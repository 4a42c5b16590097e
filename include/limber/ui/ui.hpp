#pragma once
// Terminal presentation: colour that switches off cleanly, and aligned tables.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace limber::ui {

/// ANSI styles, or nothing when colour is off.
class Style {
public:
    explicit Style(bool enabled) : m_enabled(enabled) {}
    std::string bold(std::string_view text) const { return wrap("1", text); }
    std::string dim(std::string_view text) const { return wrap("2", text); }
    std::string green(std::string_view text) const { return wrap("32", text); }
    std::string yellow(std::string_view text) const { return wrap("33", text); }
    std::string red(std::string_view text) const { return wrap("31", text); }
    std::string cyan(std::string_view text) const { return wrap("36", text); }

private:
    std::string wrap(std::string_view code, std::string_view text) const;
    bool m_enabled;
};

/// Columns on a terminal: counts UTF-8 code points, ignores ANSI escapes.
std::size_t display_width(std::string_view text);

/// `text` (plain, no escapes) cut to at most `width` columns, ending in "…" when cut.
std::string fit(std::string_view text, std::size_t width);

/// `text` (plain) broken between words into lines of at most `width` columns.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

/// A bar of `width` cells, the first `fraction` of them filled ("█" and "░").
std::string bar(double fraction, std::size_t width);

/// A table of left-aligned columns separated by two spaces; the header is bold.
class Table {
public:
    explicit Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}
    void add_row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
    void print(std::ostream& out, const Style& style) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace limber::ui
