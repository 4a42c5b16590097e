#include <limber/app/ask.hpp>

#include <limber/util/text.hpp>

#include <algorithm>
#include <istream>

namespace limber {

bool ask_yes(Context& context, std::ostream& prompt, const std::string& question) {
    prompt << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(context.in(), answer)) {
        prompt << '\n';
        return false;
    }
    answer = to_lower(answer);
    answer.erase(std::remove_if(answer.begin(), answer.end(), [](char c) { return c == ' ' || c == '\r'; }), answer.end());
    return answer == "y" || answer == "yes";
}

}  // namespace limber
