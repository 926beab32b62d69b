// Placeholder: the recommend evaluation lands with its engine.
#include <cstdio>
int main() { std::puts("recommend-eval: not built yet"); return 1; }
