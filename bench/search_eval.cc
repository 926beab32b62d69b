// Placeholder: the search evaluation lands with its engine.
#include <cstdio>
int main() { std::puts("search-eval: not built yet"); return 1; }
