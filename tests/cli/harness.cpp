#include "harness.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <csignal>
#include <thread>
#include <sys/ioctl.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace limber::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "limber-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    for (const auto& entry : fs::recursive_directory_iterator(m_path, ec))
        if (entry.is_directory(ec)) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

Limber::Limber() : m_db(m_dir.path() / "limber.db") {}

Limber::Prepared Limber::prepare(const std::vector<std::string>& args, const Env& overrides) const {
    Env env = {
        {"HOME", (m_dir.path() / "home").string()},
        {"PATH", "/usr/bin:/bin"},
        {"TZ", "UTC"},
        {"LIMBER_NOW", "2026-11-21T07:30:00Z"},
        {"LIMBER_DB", m_db.string()},
    };
    for (const auto& [key, value] : overrides) env[key] = value;
    Prepared p;
    for (const auto& [key, value] : env)
        if (value) p.env_strings.push_back(key + "=" + *value);
    p.argv_strings = {LIMBER_BINARY};
    p.argv_strings.insert(p.argv_strings.end(), args.begin(), args.end());
    for (auto& s : p.argv_strings) p.argv.push_back(s.data());
    p.argv.push_back(nullptr);
    for (auto& s : p.env_strings) p.envp.push_back(s.data());
    p.envp.push_back(nullptr);
    return p;
}

Result Limber::run(const std::vector<std::string>& args, const Env& overrides,
                   const std::string& input) const {
    Prepared prepared = prepare(args, overrides);
    auto& argv = prepared.argv;
    auto& envp = prepared.envp;

    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe2(in_pipe, O_CLOEXEC) || ::pipe2(out_pipe, O_CLOEXEC) || ::pipe2(err_pipe, O_CLOEXEC))
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        if (::chdir(m_dir.path().c_str()) != 0) ::_exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (!input.empty()) {
        const ssize_t written = ::write(in_pipe[1], input.data(), input.size());
        (void)written;
    }
    ::close(in_pipe[1]);

    Result result;
    bool deadline_passed = false;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buffer[65536];
    // A run that should have ended long ago (a refused value that was accepted and started a
    // session, say) is killed, so the test fails with its output instead of hanging.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (open_count > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(pid, SIGKILL);
            result.err += "[the test harness killed limber after 120 s]";
            deadline_passed = true;
            break;
        }
        const int ready = ::poll(fds, 2, static_cast<int>(left.count()));
        if (ready < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    for (const auto& fd : fds)
        if (fd.fd >= 0) ::close(fd.fd);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (deadline_passed) result.exit_code = -1;
    return result;
}

Terminal::Terminal(const Limber& limber, const std::vector<std::string>& args, const Env& env, Attach attach,
                   int columns, int rows) {
    Limber::Prepared prepared = limber.prepare(args, env);
    if (attach == Attach::Terminal) {
        winsize size{};
        size.ws_col = static_cast<unsigned short>(columns);
        size.ws_row = static_cast<unsigned short>(rows);
        m_pid = ::forkpty(&m_master, nullptr, nullptr, &size);
    } else {
        int out[2];
        if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid == 0) {
            const int null = ::open("/dev/null", O_RDONLY);
            ::dup2(null, 0);
            ::dup2(out[1], 1);
            ::dup2(out[1], 2);
        } else {
            ::close(out[1]);
            m_master = out[0];
        }
    }
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        if (::chdir(limber.dir().path().c_str()) != 0) ::_exit(126);
        ::execve(prepared.argv[0], prepared.argv.data(), prepared.envp.data());
        ::_exit(127);
    }
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
}

Terminal::~Terminal() {
    if (m_exit_code < 0 && m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    if (m_master >= 0) ::close(m_master);
}

bool Terminal::pump(std::chrono::milliseconds timeout) {
    pollfd fd = {m_master, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char buffer[4096];
    const ssize_t n = ::read(m_master, buffer, sizeof buffer);
    if (n <= 0) return false;  // EIO: the child closed the terminal
    m_output.append(buffer, static_cast<std::size_t>(n));
    return true;
}

bool Terminal::wait_for(const std::string& text, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const std::size_t from = m_seen;
    while (m_output.find(text, from) == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        if (!pump(std::min(left, std::chrono::milliseconds{50})) && exited()) return m_output.find(text, from) != std::string::npos;
    }
    m_seen = m_output.find(text, from) + text.size();
    return true;
}

std::size_t Terminal::count(const std::string& text) const {
    std::size_t n = 0;
    for (auto at = m_output.find(text); at != std::string::npos; at = m_output.find(text, at + text.size())) ++n;
    return n;
}

void Terminal::type(const std::string& keys) {
    const ssize_t written = ::write(m_master, keys.data(), keys.size());
    (void)written;
}

void Terminal::resize(int columns, int rows) {
    winsize size{};
    size.ws_col = static_cast<unsigned short>(columns);
    size.ws_row = static_cast<unsigned short>(rows);
    ::ioctl(m_master, TIOCSWINSZ, &size);  // the kernel sends SIGWINCH to the program
}

void Terminal::signal(int number) { ::kill(m_pid, number); }

bool Terminal::exited() {
    if (m_exit_code >= 0) return true;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) != m_pid) return false;
    m_exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
}

int Terminal::wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!exited()) {
        if (std::chrono::steady_clock::now() > deadline) return -1;
        pump(std::chrono::milliseconds{20});
    }
    while (pump(std::chrono::milliseconds{20})) {
    }
    return m_exit_code;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::size_t line_count(const std::string& text) {
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

std::string flat(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

std::string golden(const std::string& name) {
    const auto path = std::filesystem::path(LIMBER_SOURCE_DIR) / "tests/cli/golden" / name;
    return std::filesystem::exists(path) ? read_file(path) : std::string{};
}

std::string golden_or_update(const std::string& name, const std::string& actual) {
    if (const char* update = std::getenv("LIMBER_UPDATE_GOLDEN"); update && *update) {
        const auto path = std::filesystem::path(LIMBER_SOURCE_DIR) / "tests/cli/golden" / name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
    }
    return golden(name);
}

Result run_python(const std::string& script, const std::vector<std::string>& args) {
    const auto quoted = [](const std::string& word) {
        std::string out = "'";
        for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return out + "'";
    };
    std::string command = "python3 -c " + quoted(script);
    for (const auto& a : args) command += " " + quoted(a);
    Result result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace limber::test
