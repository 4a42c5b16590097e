#include <limber/speech/speaker.hpp>

#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

namespace limber::speech {

namespace {

using Clock = std::chrono::steady_clock;

/// Whether a unix socket answers at `path` (speech-dispatcher is running there).
bool socket_answers(const std::string& path) {
    sockaddr_un address{};
    if (path.empty() || path.size() >= sizeof address.sun_path) return false;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    const bool answers = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return answers;
}

/// speech-dispatcher is running: its socket (SPEECHD_ADDRESS's, or the default under
/// XDG_RUNTIME_DIR) answers. An inet address is taken at its word.
bool speechd_running(const Environment& env) {
    if (env.speechd_address && !env.speechd_address->empty()) {
        const std::string& address = *env.speechd_address;
        if (address.starts_with("unix_socket:")) return socket_answers(address.substr(std::strlen("unix_socket:")));
        return address.starts_with("inet_socket");
    }
    if (!env.xdg_runtime_dir || env.xdg_runtime_dir->empty()) return false;
    return socket_answers(*env.xdg_runtime_dir + "/speech-dispatcher/speechd.sock");
}

Backend spd_say(const std::string& program) {
    // --wait: it returns once the words are said, so the next words wait for these;
    // message priority: a screen reader's own speech does not cancel them
    return Backend{"speech-dispatcher", {program, "--wait", "--priority", "message", "--application-name", "limber"}, false};
}

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

/// Starts `backend` saying `words` in a process group of its own (so that all of it can be
/// stopped), its output thrown away. Returns its pid, or -1.
pid_t spawn(const Backend& backend, const std::string& words) {
    std::vector<std::string> args = backend.argv;
    if (!backend.words_on_stdin) args.push_back(words);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const int in = ::memfd_create("limber-words", MFD_CLOEXEC);
    if (in < 0) return -1;
    if (backend.words_on_stdin) write_all(in, words + "\n");
    ::lseek(in, 0, SEEK_SET);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {  // only async-signal-safe calls from here to exec
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // limber killed outright: the program goes too
        if (::getppid() != parent) ::_exit(127);
        ::dup2(in, STDIN_FILENO);
        if (null >= 0) {
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
        }
        struct sigaction defaults {};
        defaults.sa_handler = SIG_DFL;
        for (const int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGTTOU, SIGTTIN}) ::sigaction(sig, &defaults, nullptr);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(in);
    if (null >= 0) ::close(null);
    if (pid > 0) ::setpgid(pid, pid);  // also here, so that it holds before the child runs
    return pid;
}

/// Stops the process group of `pid`: SIGTERM, then SIGKILL after a moment; reaps `pid`.
void stop_group(pid_t pid) {
    ::killpg(pid, SIGTERM);
    for (int i = 0; i < 15; ++i) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid) {
            ::killpg(pid, SIGKILL);  // what it started, if any is left
            return;
        }
        std::this_thread::sleep_for(Millis{20});
    }
    ::killpg(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
}

std::string status_words(int status) {
    if (WIFEXITED(status)) return fmt::format("exit status {}", WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return fmt::format("killed by signal {}", WTERMSIG(status));
    return "stopped";
}

}  // namespace

std::optional<std::string> find_program(const std::string& program, const std::optional<std::string>& path) {
    if (!path) return std::nullopt;
    for (const auto& dir : split(*path, ':')) {
        const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? std::string_view(".") : std::string_view(dir)) / program;
        struct stat info {};
        if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate.string();
    }
    return std::nullopt;
}

std::optional<Backend> find_backend(const Environment& env) {
    if (env.limber_speak && !env.limber_speak->empty()) return Backend{"LIMBER_SPEAK", {"/bin/sh", "-c", *env.limber_speak}, true};
    const auto spd = find_program("spd-say", env.path);
    if (spd && speechd_running(env)) return spd_say(*spd);
    if (const auto espeak = find_program("espeak-ng", env.path)) return Backend{"espeak-ng", {*espeak}, false};
    if (spd) return spd_say(*spd);
    return std::nullopt;
}

Speaker::Speaker(Backend backend) : m_backend(std::move(backend)) {
    m_thread = std::thread([this] {
        // signals are for the session's thread: this one takes none
        sigset_t all;
        sigfillset(&all);
        ::pthread_sigmask(SIG_BLOCK, &all, nullptr);
        work();
    });
}

Speaker::~Speaker() { finish(Millis{0}); }

void Speaker::say(std::string words, Millis valid_for) {
    std::lock_guard lock(m_mutex);
    if (m_closed) return;
    m_pending = Pending{std::move(words), Clock::now() + valid_for};
    m_wake.notify_all();
}

void Speaker::say_after(std::string words, Millis valid_for) {
    std::lock_guard lock(m_mutex);
    if (m_closed) return;
    const auto until = Clock::now() + valid_for;
    if (m_pending && Clock::now() <= m_pending->until)
        m_pending = Pending{m_pending->words + " " + words, std::max(until, m_pending->until)};
    else
        m_pending = Pending{std::move(words), until};
    m_wake.notify_all();
}

void Speaker::hush() {
    std::lock_guard lock(m_mutex);
    m_pending.reset();
    if (m_speaking) m_hush = true;
    m_wake.notify_all();
}

void Speaker::finish(Millis grace, int wake_fd) {
    {
        std::unique_lock lock(m_mutex);
        if (!m_thread.joinable()) return;
        m_closed = true;
        const auto deadline = Clock::now() + grace;
        while ((m_pending || m_speaking) && Clock::now() < deadline) {
            if (wake_fd >= 0) {
                lock.unlock();
                pollfd fd{wake_fd, POLLIN, 0};
                const bool woken = ::poll(&fd, 1, 20) > 0;
                lock.lock();
                if (woken) break;
            } else {
                m_wake.wait_until(lock, std::min(deadline, Clock::now() + Millis{20}));
            }
        }
        m_stopping = true;
        m_pending.reset();
        m_wake.notify_all();
    }
    m_thread.join();
}

int Speaker::failures() const {
    std::lock_guard lock(m_mutex);
    return m_failures;
}

std::string Speaker::last_failure() const {
    std::lock_guard lock(m_mutex);
    return m_last_failure;
}

void Speaker::work() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_pending.has_value(); });
        if (m_stopping) return;
        const Pending pending = std::move(*m_pending);
        m_pending.reset();
        if (Clock::now() > pending.until) continue;  // its moment has passed
        speak(pending, lock);
        m_wake.notify_all();
    }
}

void Speaker::speak(const Pending& pending, std::unique_lock<std::mutex>& lock) {
    m_speaking = true;
    m_hush = false;
    lock.unlock();
    const pid_t pid = spawn(m_backend, pending.words);
    lock.lock();
    if (pid < 0) {
        ++m_failures;
        m_last_failure = fmt::format("could not be started: {}", std::strerror(errno));
        m_speaking = false;
        return;
    }
    const auto started = Clock::now();
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done < 0 && errno != EINTR) break;  // not ours to wait for (cannot happen unless SIGCHLD is ignored)
        if (done == pid) {
            if (::kill(-pid, 0) == 0) ::killpg(pid, SIGKILL);  // what it left running
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                ++m_failures;
                m_last_failure = status_words(status);
            }
            break;
        }
        if (m_stopping || m_hush || Clock::now() - started > longest) {
            lock.unlock();
            stop_group(pid);
            lock.lock();
            break;
        }
        m_wake.wait_for(lock, Millis{20});
    }
    m_speaking = false;
    m_hush = false;
}

}  // namespace limber::speech
