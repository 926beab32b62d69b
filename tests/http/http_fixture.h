// End-to-end HTTP fixture: a fresh database on the test's backend and the
// real `hallway serve` binary on a free loopback port, per test.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "tests/support/http_client.h"
#include "tests/support/test_env.h"
#include "tests/support/test_server.h"

namespace hallway::testing {

class HttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { Start({}); }

  // (Re)starts the server with `extra_args` on a fresh database.
  void Start(const std::vector<std::string>& extra_args) {
    server_.reset();
    database_url_ = FreshDatabaseUrl(GetParam());
    server_ = std::make_unique<TestServer>(database_url_, extra_args);
    ASSERT_NE(server_->port(), 0);
  }

  HttpClient Client() const { return HttpClient(server_->port()); }

  // Signs up the organization's first account (the admin) and returns a
  // client signed in as it.
  HttpClient Admin() {
    HttpClient admin = Client();
    EXPECT_EQ(admin.SignUp("admin").status, 201);
    return admin;
  }

  std::string database_url_;
  std::unique_ptr<TestServer> server_;
};

inline std::string HttpBackendName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

}  // namespace hallway::testing
