// kiosk: the executable. A thin shell around kiosk_main so every command is testable in-process.
#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

#include "kiosk/app/cli.h"

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    try {
        return kiosk::kiosk_main(args, {std::cout, std::cerr});
    } catch (const std::exception& e) {
        // Only bugs and start-up failures get here; user data errors travel as values.
        std::cerr << "kiosk: " << e.what() << "\n";
        return kiosk::exit_failure;
    }
}
