#pragma once
// Streaming output for large results (export, history --json): a buffer handed to the stream in
// large pieces, and a JSON array written one element at a time, so memory stays flat however
// long the history.

#include <limber/io/session_io.hpp>

#include <nlohmann/json.hpp>

#include <charconv>
#include <ostream>
#include <string>
#include <string_view>

namespace limber {

/// Collects output in a buffer and hands it to the stream in large pieces.
class Buffered {
public:
    explicit Buffered(std::ostream& out) : m_out(out) { m_buffer.reserve(k_size + 4096); }
    ~Buffered() { flush(); }
    Buffered(const Buffered&) = delete;
    Buffered& operator=(const Buffered&) = delete;
    void text(std::string_view s) {
        m_buffer.append(s);
        if (m_buffer.size() >= k_size) flush();
    }
    void number(int n) {
        char digits[16];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        text(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    }
    /// One CSV field, quoted when RFC 4180 asks.
    void field(std::string_view value) {
        if (!csv_needs_quotes(value)) return text(value);
        text(csv_field(value));
    }
    void flush() {
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }

private:
    static constexpr std::size_t k_size = 1 << 16;
    std::ostream& m_out;
    std::string m_buffer;
};

/// Writes the elements of a JSON array one at a time, laid out as dump(2) lays out the whole array.
class JsonArrayWriter {
public:
    explicit JsonArrayWriter(Buffered& out) : m_out(out) {}
    void add(const nlohmann::ordered_json& element) {
        m_out.text(m_count++ == 0 ? "[\n  " : ",\n  ");
        const std::string text = element.dump(2);
        std::size_t start = 0;
        for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
            m_out.text(std::string_view(text).substr(start, nl + 1 - start));
            m_out.text("  ");
            start = nl + 1;
        }
        m_out.text(std::string_view(text).substr(start));
    }
    void finish() { m_out.text(m_count == 0 ? "[]\n" : "\n]\n"); }
    std::size_t count() const { return m_count; }

private:
    Buffered& m_out;
    std::size_t m_count = 0;
};

}  // namespace limber
