#include "cli/app.hpp"

#include <iostream>

int main(int argc, char** argv) {
    return trygg::run_app(argc, argv, std::cout, std::cerr);
}
