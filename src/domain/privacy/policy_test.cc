#include "domain/privacy/policy.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

// The policy as a matrix: visibility × relation → what the viewer may do.
TEST(PrivacyPolicyTest, MatrixOfVisibilityAndRelation) {
  using V = GroupVisibility;
  using S = MembershipState;
  struct Row {
    V visibility;
    std::optional<Membership> membership;
    bool see_group, read, post, moderate;
    std::optional<S> join;
  };
  const Membership member{GroupRole::kMember, S::kActive};
  const Membership owner{GroupRole::kOwner, S::kActive};
  const Membership facilitator{GroupRole::kFacilitator, S::kActive};
  const Membership requested{GroupRole::kMember, S::kRequested};
  const Membership invited{GroupRole::kMember, S::kInvited};
  const Row rows[] = {
      {V::kOpen, std::nullopt, true, true, false, false, S::kActive},
      {V::kOpen, member, true, true, true, false, S::kActive},
      {V::kOpen, owner, true, true, true, true, S::kActive},
      {V::kClosed, std::nullopt, true, false, false, false, S::kRequested},
      {V::kClosed, requested, true, false, false, false, S::kRequested},
      {V::kClosed, member, true, true, true, false, S::kRequested},
      {V::kClosed, facilitator, true, true, true, true, S::kRequested},
      {V::kClosed, invited, true, false, false, false, S::kActive},
      {V::kPrivate, std::nullopt, false, false, false, false, std::nullopt},
      {V::kPrivate, requested, false, false, false, false, std::nullopt},
      {V::kPrivate, invited, true, false, false, false, S::kActive},
      {V::kPrivate, member, true, true, true, false, std::nullopt},
      {V::kPrivate, owner, true, true, true, true, std::nullopt},
  };
  for (const Row& r : rows) {
    const GroupAccess a{r.visibility, r.membership};
    const std::string where = std::string(VisibilityName(r.visibility)) + "/" +
                              (r.membership ? std::string(MembershipStateName(r.membership->state)) + ":" +
                                                  GroupRoleName(r.membership->role)
                                            : "none");
    EXPECT_EQ(CanSeeGroup(a), r.see_group) << where;
    EXPECT_EQ(CanReadGroupContent(a), r.read) << where;
    EXPECT_EQ(CanPostInGroup(a), r.post) << where;
    EXPECT_EQ(CanModerateGroup(a), r.moderate) << where;
    if (!(r.membership && r.membership->state == S::kActive)) {
      EXPECT_EQ(JoinOutcome(a), r.join) << where;
    }
  }
}

TEST(GroupTest, SlugsAreUrlSafe) {
  EXPECT_EQ(*SlugFor("Data Science Guild"), "data-science-guild");
  EXPECT_EQ(*SlugFor("  C++ & Rust!! "), "c-rust");
  EXPECT_FALSE(SlugFor("!!"));
  EXPECT_FALSE(SlugFor("日本"));
}

}  // namespace
}  // namespace hallway::domain
