#include <limber/app/app.hpp>

int main(int argc, char** argv) { return limber::run(argc, argv); }
