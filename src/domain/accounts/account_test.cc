#include "domain/accounts/account.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(AccountRulesTest, NormalizesOrRejectsEmails) {
  EXPECT_EQ(*NormalizeEmail("  Ana.Berg@Example.ORG "), "ana.berg@example.org");
  for (const char* bad : {"", "ana", "@example.org", "ana@", "ana@example", "a@b@c.org",
                          "ana @example.org", "ana@example.org.", "<x>@example.org"}) {
    auto r = NormalizeEmail(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields().at(0).field, "email");
  }
}

TEST(AccountRulesTest, NormalizesOrRejectsHandles) {
  EXPECT_EQ(*NormalizeHandle("Ana.Berg_2"), "ana.berg_2");
  for (const char* bad : {"a", "-ana", "ana berg", "ana/berg", "ànä", "averyveryveryverylonghandle123456",
                          "'; DROP TABLE accounts; --"}) {
    EXPECT_FALSE(NormalizeHandle(bad)) << bad;
  }
}

TEST(AccountRulesTest, ChecksPasswordStrength) {
  EXPECT_TRUE(CheckPasswordStrength("a fine passphrase", "ana", "ana@example.org", "password"));
  EXPECT_FALSE(CheckPasswordStrength("short", "x", "y", "password"));
  EXPECT_FALSE(CheckPasswordStrength("aaaaaaaaaaaa", "x", "y", "password"));
  EXPECT_FALSE(CheckPasswordStrength("Ana.Berg.1", "ana.berg.1", "y@z.org", "password"));
  EXPECT_FALSE(CheckPasswordStrength(std::string(300, 'x') + "y", "x", "y", "password"));
  auto r = CheckPasswordStrength("short", "x", "y", "new_password");
  EXPECT_EQ(r.error().fields().at(0).field, "new_password");
}

TEST(AccountRulesTest, DeduplicatesAndBoundsTags) {
  auto tags = NormalizeTags({" Negotiation ", "negotiation", "", "German"}, "skills");
  ASSERT_TRUE(tags);
  EXPECT_EQ(*tags, (std::vector<std::string>{"Negotiation", "German"}));
  // 31 copies of one tag collapse to one, so they are within the limit.
  EXPECT_EQ(NormalizeTags(std::vector<std::string>(31, "x"), "skills")->size(), 1u);
  std::vector<std::string> many;
  for (int i = 0; i < 31; ++i) many.push_back("skill " + std::to_string(i));
  EXPECT_FALSE(NormalizeTags(many, "skills"));
  EXPECT_FALSE(NormalizeTags({std::string(51, 'x')}, "skills"));
  EXPECT_FALSE(NormalizeTags({"two\nlines"}, "skills"));
}

TEST(AccountRulesTest, ValidatesProfilePatchListingEveryBadField) {
  ProfilePatch p;
  p.display_name = "   ";
  p.title = std::string(101, 't');
  p.handle = "x";
  p.team = "Sales";
  p.bio = "line one\nline two";
  auto r = ValidateProfilePatch(p);
  ASSERT_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields()) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"display_name", "title", "handle"}));
  p.display_name = " Ana ";
  p.title = "Engineer";
  p.handle = "Ana";
  auto ok = ValidateProfilePatch(p);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok->display_name, "Ana");
  EXPECT_EQ(*ok->handle, "ana");
  EXPECT_EQ(*ok->bio, "line one\nline two");
}

TEST(AccountRulesTest, ParsesRolesAndStatuses) {
  for (Role r : {Role::kMember, Role::kFacilitator, Role::kAdmin}) EXPECT_EQ(*ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("root"));
  for (AccountStatus s : {AccountStatus::kActive, AccountStatus::kPending, AccountStatus::kDisabled}) {
    EXPECT_EQ(*ParseStatus(StatusName(s)), s);
  }
  EXPECT_FALSE(ParseStatus("deleted"));
}

}  // namespace
}  // namespace hallway::domain
