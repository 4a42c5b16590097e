#pragma once
// The terminal a guided session runs on: raw keys that are always given back, its width, and
// signals turned into wake-ups of one poll loop.

#include <chrono>
#include <termios.h>
#include <vector>

namespace limber::term {

/// Keys without Enter and without echo on `fd` for the lifetime of the object (signals such
/// as Ctrl-C still work). The saved mode is put back by restore() and by the destructor, so
/// the terminal is restored on every way out, errors included.
class RawMode {
public:
    explicit RawMode(int fd);
    ~RawMode();
    RawMode(const RawMode&) = delete;
    RawMode& operator=(const RawMode&) = delete;
    /// Enters raw mode (again, after restore()). False when `fd` is not a usable terminal.
    bool enter();
    void restore();
    bool active() const { return m_active; }

private:
    int m_fd;
    termios m_saved{};
    bool m_saved_ok = false;
    bool m_active = false;
};

/// Columns of the terminal on `fd`, or 80 when it cannot tell.
int columns(int fd);

/// While alive, SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP and SIGCONT write their number to a
/// pipe instead of acting; the previous handlers come back on destruction.
class SignalPipe {
public:
    SignalPipe();
    ~SignalPipe();
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;
    int fd() const { return m_read; }
    /// The signals received since the last call.
    std::vector<int> drain();

private:
    int m_read = -1;
    int m_write = -1;
};

/// Waits until `in_fd` (when >= 0) has input, a signal arrived on `signal_fd`, or `timeout`
/// passed. Returns true when `in_fd` is readable.
bool wait(int in_fd, int signal_fd, std::chrono::milliseconds timeout);

/// Stops this process as Ctrl-Z would (the default SIGTSTP action), returning once continued.
void suspend_self();

}  // namespace limber::term
