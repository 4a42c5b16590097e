// Unit tests: files named on the command line (InputFile), temporary files and AtomicFile.
#include <limber/util/error.hpp>
#include <limber/util/files.hpp>
#include <limber/util/text.hpp>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace limber;
namespace fs = std::filesystem;

namespace {

/// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("limber-unit-files-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string read_all(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The names in `folder`, sorted.
std::set<std::string> names_in(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
    return names;
}

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}


template <class Call>
std::string usage_message(Call call) {
    try {
        call();
    } catch (const UsageError& e) {
        return e.what();
    }
    FAIL("no UsageError");
    return {};
}

/// A binary payload: NUL bytes, CR LF, bytes that are not UTF-8, and no final newline.
const std::string k_bytes = std::string("a\0b\r\nc\xff\xfe\n", 9) + "last line";

}  // namespace

TEST_CASE("files: an input file that does not exist is refused, naming the option, the file and why") {
    TempDir dir;
    std::istringstream in("never read");
    const fs::path missing = dir / "missing.json";
    CHECK(usage_message([&] { InputFile file(missing.string(), in, "--input"); }) ==
          "--input " + quote(missing.string()) + ": cannot be read (" + std::strerror(ENOENT) + ")");
}

TEST_CASE("files: an input that is a folder is refused as a folder") {
    TempDir dir;
    std::istringstream in("never read");
    CHECK(usage_message([&] { InputFile file(dir.path().string(), in, "import"); }) ==
          "import " + quote(dir.path().string()) + ": a folder, not a file");
}

TEST_CASE("files: an input under something that is not a folder cannot be opened, and says why") {
    TempDir dir;
    const fs::path plain = dir / "plain.txt";
    write_file(plain, "x");
    const fs::path below = plain / "inside.csv";  // a file where a folder should be
    std::istringstream in;
    CHECK(usage_message([&] { InputFile file(below.string(), in, "--file"); }) ==
          "--file " + quote(below.string()) + ": cannot be read (" + std::strerror(ENOTDIR) + ")");
}

TEST_CASE("files: the input - is read to its end first, and its copy is read through stream()") {
    // the copy goes to a temporary folder of this test's own, which other tests running at the
    // same time do not write in
    TempDir own;
    const char* const old_tmpdir = std::getenv("TMPDIR");
    const std::string saved = old_tmpdir ? old_tmpdir : "";
    ::setenv("TMPDIR", own.path().c_str(), 1);
    {
        std::istringstream in(k_bytes + std::string(200'000, 'x'));  // more than one piece of the copy
        InputFile file("-", in, "--input");
        CHECK(&file.stream() != &in);
        CHECK(in.eof());  // all of it was taken before anything is read from stream()
        CHECK(read_all(file.stream()) == k_bytes + std::string(200'000, 'x'));
        CHECK_NOTHROW(file.check_read());
    }
    if (old_tmpdir) ::setenv("TMPDIR", saved.c_str(), 1);
    else ::unsetenv("TMPDIR");
    CHECK(fs::is_empty(own.path()));  // the copy is gone
}

TEST_CASE("files: a FIFO is read to its end first, so its writer is never waited on") {
    TempDir dir;
    const fs::path fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&fifo] {
        std::ofstream out(fifo, std::ios::binary);
        out << "through a fifo";
    });
    std::istringstream in;
    InputFile file(fifo.string(), in, "--input");
    writer.join();  // it has finished: the input was copied whole
    CHECK(read_all(file.stream()) == "through a fifo");
}

TEST_CASE("files: an input file's bytes are read through stream() exactly") {
    TempDir dir;
    const fs::path path = dir / "data.bin";
    write_file(path, k_bytes);
    std::istringstream in("not this");
    InputFile file(path.string(), in, "--input");
    CHECK(&file.stream() != &in);
    const std::string got = read_all(file.stream());
    CHECK(got.size() == k_bytes.size());
    CHECK(got == k_bytes);
    CHECK_NOTHROW(file.check_read());
    CHECK(read_all(in) == "not this");  // the given stream was left alone
}

TEST_CASE("files: an input whose stream goes bad is refused") {
    std::istringstream in("x");
    in.setstate(std::ios::badbit);
    const std::string message = usage_message([&] { InputFile file("-", in, "--input"); });
    CHECK(message.rfind("--input '-': cannot be read (", 0) == 0);
}

TEST_CASE("files: make_temporary makes an empty file of mode 0600 in the folder") {
    TempDir dir;
    const fs::path temporary = make_temporary(dir.path(), "plan.json", "-o");
    CHECK(temporary.parent_path() == dir.path());
    const std::string name = temporary.filename().string();
    CHECK(name.size() == std::string(".plan.json.").size() + 6);
    CHECK(name.rfind(".plan.json.", 0) == 0);
    CHECK(name.find("XXXXXX") == std::string::npos);  // the pattern was filled in
    CHECK(fs::is_regular_file(temporary));
    CHECK(fs::file_size(temporary) == 0);
    CHECK(mode_of(temporary) == 0600);
    CHECK(names_in(dir.path()) == std::set<std::string>{name});
}

TEST_CASE("files: make_temporary never gives the same file twice") {
    TempDir dir;
    std::set<std::string> made;
    for (int i = 0; i < 25; ++i) made.insert(make_temporary(dir.path(), "out", "-o").filename().string());
    CHECK(made.size() == 25);
    CHECK(names_in(dir.path()) == made);  // every one exists
}

TEST_CASE("files: make_temporary in a folder that does not exist is refused, naming the folder") {
    TempDir dir;
    const fs::path missing = dir / "no-such-folder";
    CHECK(usage_message([&] { make_temporary(missing, "x", "--output"); }) ==
          "--output " + quote(missing.string()) + ": cannot write in that folder (" + std::strerror(ENOENT) + ")");
    CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("files: an atomic file commits a new file readable by its owner only (0600)") {
    TempDir dir;
    const fs::path target = dir / "export.json";
    {
        AtomicFile file(target, "-o");
        file.stream() << k_bytes;
        file.commit();
    }
    CHECK(read_file(target) == k_bytes);
    CHECK(mode_of(target) == 0600u);
    CHECK(names_in(dir.path()) == std::set<std::string>{"export.json"});  // no temporary left
}

TEST_CASE("files: an atomic file's commit replaces the old file whole and keeps its mode") {
    TempDir dir;
    const fs::path target = dir / "holds.csv";
    const std::string old_content = "an old file, much longer than the new one\n" + std::string(5000, 'o');
    write_file(target, old_content);
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);  // 0640
    std::ifstream reader_before(target, std::ios::binary);  // a reader that opened the old file
    {
        AtomicFile file(target, "-o");
        file.stream() << "new";
        file.stream().flush();
        CHECK(read_file(target) == old_content);  // nothing shows before the commit
        file.commit();
    }
    CHECK(read_file(target) == "new");  // whole: nothing of the old bytes is left at the end
    CHECK(mode_of(target) == 0640);
    CHECK(read_all(reader_before) == old_content);  // the old reader never saw half a file
    CHECK(names_in(dir.path()) == std::set<std::string>{"holds.csv"});
}

TEST_CASE("files: an atomic file without commit leaves the target untouched and removes its temporary") {
    TempDir dir;
    const fs::path target = dir / "plan.json";
    write_file(target, "the old plan");
    {
        AtomicFile file(target, "-o");
        file.stream() << "half a new pl";
        CHECK(names_in(dir.path()).size() == 2);  // the target and the temporary beside it
    }
    CHECK(read_file(target) == "the old plan");
    CHECK(names_in(dir.path()) == std::set<std::string>{"plan.json"});

    const fs::path fresh = dir / "fresh.json";
    { AtomicFile file(fresh, "-o"); file.stream() << "never committed"; }
    CHECK_FALSE(fs::exists(fresh));
    CHECK(names_in(dir.path()) == std::set<std::string>{"plan.json"});
}

TEST_CASE("files: an atomic file on a symbolic link replaces the file it points to and keeps the link") {
    TempDir dir;
    fs::create_directories(dir / "real");
    const fs::path real = dir / "real" / "routine.json";
    write_file(real, "old");
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write);  // 0600
    const fs::path link = dir / "link.json";
    fs::create_symlink("real/routine.json", link);
    {
        AtomicFile file(link, "-o");
        file.stream() << "replaced through the link";
        file.commit();
    }
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(fs::read_symlink(link) == fs::path("real/routine.json"));
    CHECK(read_file(real) == "replaced through the link");
    CHECK(read_file(link) == "replaced through the link");
    CHECK(mode_of(real) == 0600);
    CHECK(names_in(dir.path()) == std::set<std::string>{"link.json", "real"});
    CHECK(names_in(dir / "real") == std::set<std::string>{"routine.json"});
}

TEST_CASE("files: an atomic file on a link to a file not made yet makes that file and keeps the link") {
    TempDir dir;
    fs::create_directories(dir / "real");
    const fs::path link = dir / "link.csv";
    fs::create_symlink("real/new.csv", link);
    {
        AtomicFile file(link, "-o");
        file.stream() << "made through the link";
        file.commit();
    }
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(fs::read_symlink(link) == fs::path("real/new.csv"));
    CHECK(read_file(dir / "real" / "new.csv") == "made through the link");
}

TEST_CASE("files: an atomic file on a /dev name that leads to a file writes after what it holds") {
    TempDir dir;
    const fs::path log = dir / "log.txt";
    write_file(log, "earlier\n");
    const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);  // as a shell's >> log would
    REQUIRE(fd >= 0);
    struct stat before {};
    REQUIRE(::fstat(fd, &before) == 0);
    {
        AtomicFile file(fmt::format("/dev/fd/{}", fd), "-o");
        file.stream() << "export\n";
        file.commit();
    }
    ::close(fd);
    CHECK(read_file(log) == "earlier\nexport\n");
    struct stat after {};
    REQUIRE(::stat(log.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // the same file, not a new one renamed over it
    CHECK(names_in(dir.path()) == std::set<std::string>{"log.txt"});
}

TEST_CASE("files: an atomic file follows a chain of links to the file at its end") {
    TempDir dir;
    const fs::path real = dir / "real.txt";
    write_file(real, "old");
    fs::create_symlink("real.txt", dir / "one");
    fs::create_symlink("one", dir / "two");
    {
        AtomicFile file(dir / "two", "-o");
        file.stream() << "new";
        file.commit();
    }
    CHECK(fs::read_symlink(dir / "two") == fs::path("one"));
    CHECK(fs::read_symlink(dir / "one") == fs::path("real.txt"));
    CHECK(read_file(real) == "new");
    CHECK(names_in(dir.path()) == std::set<std::string>{"one", "two", "real.txt"});
}

TEST_CASE("files: an atomic file on /dev/null writes to the device and replaces nothing") {
    REQUIRE(fs::is_character_file("/dev/null"));
    {
        AtomicFile file("/dev/null", "-o");
        file.stream() << "discarded";
        CHECK_NOTHROW(file.commit());
    }
    CHECK(fs::is_character_file("/dev/null"));
    for (const auto& entry : fs::directory_iterator("/dev"))  // no temporary was made beside it
        CHECK(entry.path().filename().string().rfind(".null.", 0) == std::string::npos);
    {
        AtomicFile uncommitted("/dev/null", "-o");
        uncommitted.stream() << "dropped";
    }
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("files: an atomic file refuses a folder and a folder that does not exist") {
    TempDir dir;
    CHECK(usage_message([&] { AtomicFile file(dir.path(), "-o"); }) ==
          "-o " + quote(dir.path().string()) + ": a folder, not a file");
    const fs::path missing = dir / "nowhere";
    CHECK(usage_message([&] { AtomicFile file(missing / "out.json", "-o"); }) ==
          "-o " + quote(missing.string()) + ": cannot write in that folder (" + std::strerror(ENOENT) + ")");
    CHECK(names_in(dir.path()).empty());
}
