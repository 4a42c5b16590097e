#include <limber/terminal/terminal.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace limber::term {

RawMode::RawMode(int fd) : m_fd(fd) { m_saved_ok = ::tcgetattr(fd, &m_saved) == 0; }

RawMode::~RawMode() { restore(); }

bool RawMode::enter() {
    if (!m_saved_ok) return false;
    termios raw = m_saved;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (::tcsetattr(m_fd, TCSANOW, &raw) != 0) return false;
    m_active = true;
    return true;
}

void RawMode::restore() {
    if (!m_active) return;
    ::tcsetattr(m_fd, TCSANOW, &m_saved);
    m_active = false;
}

int columns(int fd) {
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

namespace {

int g_signal_write = -1;
constexpr std::array<int, 6> k_signals = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT};
std::array<struct sigaction, k_signals.size()> g_previous{};

extern "C" void on_signal(int number) {
    const int saved = errno;
    const auto byte = static_cast<unsigned char>(number);
    if (g_signal_write >= 0) {
        const ssize_t written = ::write(g_signal_write, &byte, 1);
        (void)written;
    }
    errno = saved;
}

}  // namespace

SignalPipe::SignalPipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return;
    m_read = fds[0];
    m_write = fds[1];
    g_signal_write = m_write;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < k_signals.size(); ++i) ::sigaction(k_signals[i], &action, &g_previous[i]);
}

SignalPipe::~SignalPipe() {
    if (m_read < 0) return;
    for (std::size_t i = 0; i < k_signals.size(); ++i) ::sigaction(k_signals[i], &g_previous[i], nullptr);
    g_signal_write = -1;
    ::close(m_read);
    ::close(m_write);
}

std::vector<int> SignalPipe::drain() {
    std::vector<int> signals;
    unsigned char buffer[64];
    ssize_t n = 0;
    while (m_read >= 0 && (n = ::read(m_read, buffer, sizeof buffer)) > 0)
        for (ssize_t i = 0; i < n; ++i) signals.push_back(buffer[i]);
    return signals;
}

bool wait(int in_fd, int signal_fd, std::chrono::milliseconds timeout) {
    pollfd fds[2] = {{signal_fd, POLLIN, 0}, {in_fd, POLLIN, 0}};
    const nfds_t count = in_fd >= 0 ? 2 : 1;
    const int ready = ::poll(fds, count, static_cast<int>(std::max<long long>(0, timeout.count())));
    return ready > 0 && count == 2 && (fds[1].revents & (POLLIN | POLLHUP)) != 0;
}

void suspend_self() {
    struct sigaction ours {};
    struct sigaction stop {};
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    ::sigaction(SIGTSTP, &stop, &ours);
    ::raise(SIGTSTP);  // stops here until SIGCONT
    ::sigaction(SIGTSTP, &ours, nullptr);
}

}  // namespace limber::term
