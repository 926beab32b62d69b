# The two commands of the README, and their parts.
#   make run   install what is missing, build server and web UI, seed the demo
#              organization on first start, serve http://127.0.0.1:8080 (SQLite)
#   make test  install what tests need and run every test
.PHONY: run test deps build web bench clean

run: deps build web
	./build/release/hallway serve --seed-demo --database sqlite:var/hallway.db --data-dir var/data

test:
	scripts/test.sh

deps:
	scripts/install-deps.sh

build:
	cmake --preset release -G Ninja
	cmake --build build/release --target hallway

web:
	scripts/build-web.sh

bench:
	bench/run.sh

clean:
	rm -rf build web/dist
