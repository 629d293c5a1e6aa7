// Access control: password hashing against vectors computed independently (Python hashlib),
// grants with partial revokes, and the access statements' parsing.

#include <gtest/gtest.h>

#include "access/access_rights.h"
#include "access/authentication.h"
#include "common/exception.h"
#include "parser/ast_access.h"
#include "parser/parser.h"

using namespace tally;

// python3 -c "import hashlib; print(hashlib.sha256(b'qwerty' + b'SALT123').hexdigest())"
TEST(AccessHashing, Sha256WithSalt) {
  EXPECT_EQ(sha256Hex("qwertySALT123"), "e8779cfa1360dfac93259a468a88f1f28c346e0905a1fb061098b9ae6a6a704a");
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  auto a = AuthenticationData::fromSpec("sha256_hash", "E8779CFA1360DFAC93259A468A88F1F28C346E0905A1FB061098B9AE6A6A704A", "SALT123");
  EXPECT_TRUE(a.verify("qwerty"));
  EXPECT_FALSE(a.verify("qwertz"));
  EXPECT_FALSE(a.verify(""));
}

// python3 -c "import hashlib; print(hashlib.sha1(hashlib.sha1(b'qwerty').digest()).hexdigest())"
TEST(AccessHashing, DoubleSha1) {
  EXPECT_EQ(doubleSha1Hex("qwerty"), "aa1420f182e88b9e5f874f6fbe7459291e8f4601");
  EXPECT_EQ(doubleSha1Hex(""), "be1bdec0aa74b4dcb079943e70528096cca985f8");
  auto a = AuthenticationData::fromSpec("double_sha1_password", "qwerty", "");
  EXPECT_EQ(a.hash_hex, "aa1420f182e88b9e5f874f6fbe7459291e8f4601");
  EXPECT_TRUE(a.verify("qwerty"));
  EXPECT_FALSE(a.verify("Qwerty"));
}

TEST(AccessHashing, PasswordsAreSaltedAndNeverKept) {
  auto a = AuthenticationData::fromSpec("sha256_password", "secret", "");
  auto b = AuthenticationData::fromSpec("sha256_password", "secret", "");
  EXPECT_EQ(a.salt.size(), 64u);
  EXPECT_NE(a.salt, b.salt);
  EXPECT_NE(a.hash_hex, b.hash_hex);
  EXPECT_EQ(a.hash_hex, sha256Hex("secret" + a.salt));
  EXPECT_TRUE(a.verify("secret"));
  EXPECT_EQ(a.toSQL().find("secret"), std::string::npos);
  EXPECT_TRUE(AuthenticationData::fromSpec("no_password", "", "").verify(""));
  EXPECT_FALSE(AuthenticationData::fromSpec("no_password", "", "").verify("x"));
  EXPECT_THROW(AuthenticationData::fromSpec("sha256_hash", "abc", ""), Exception);
}

TEST(AccessRights, GrantRevokeAndPartialRevoke) {
  AccessRights r;
  r.grant(AccessType::SELECT, "db", "");
  EXPECT_TRUE(r.isGranted(AccessType::SELECT, "db", "t"));
  EXPECT_FALSE(r.isGranted(AccessType::SELECT, "other", "t"));
  EXPECT_FALSE(r.isGranted(AccessType::INSERT, "db", "t"));
  r.revoke(AccessType::SELECT, "db", "secret");
  EXPECT_FALSE(r.isGranted(AccessType::SELECT, "db", "secret"));
  EXPECT_TRUE(r.isGranted(AccessType::SELECT, "db", "t"));
  auto statements = AccessRights::toStatements(r, AccessRights(), "u");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0], "GRANT SELECT ON db.* TO u");
  EXPECT_EQ(statements[1], "REVOKE SELECT ON db.secret FROM u");
  r.grant(AccessType::SELECT, "", "");
  EXPECT_TRUE(r.isGranted(AccessType::SELECT, "db", "secret"));
}

TEST(AccessRights, Columns) {
  AccessRights r;
  r.grant(AccessType::SELECT, "db", "t", {"a", "b"});
  EXPECT_TRUE(r.isGranted(AccessType::SELECT, "db", "t", {"a"}));
  EXPECT_FALSE(r.isGranted(AccessType::SELECT, "db", "t", {"a", "c"}));
  EXPECT_EQ(AccessRights::toStatements(r, AccessRights(), "u").at(0), "GRANT SELECT(a, b) ON db.t TO u");
}

TEST(AccessRights, GroupsAndNames) {
  EXPECT_EQ(parseAccessFlags("create"), AccessType::CREATE);
  EXPECT_EQ(parseAccessFlags("ALL PRIVILEGES"), AccessType::ALL);
  EXPECT_EQ(parseAccessFlags("dictGet"), AccessType::DICT_GET);
  EXPECT_EQ(accessFlagsNames(AccessType::ALL), std::vector<std::string>{"ALL"});
  EXPECT_EQ(accessFlagsNames(AccessType::SELECT | AccessType::INSERT), (std::vector<std::string>{"SELECT", "INSERT"}));
  EXPECT_THROW(parseAccessFlags("FLY"), Exception);
}

TEST(AccessParser, Statements) {
  auto u = parseQuery("CREATE USER IF NOT EXISTS alice IDENTIFIED WITH sha256_password BY 'pw' DEFAULT ROLE r SETTINGS PROFILE 'ro', max_threads = 2 READONLY", {});
  ASSERT_EQ(u->kind, ASTKind::CreateAccessEntityQuery);
  const auto& cu = u->as<ASTCreateAccessEntityQuery>();
  EXPECT_TRUE(cu.if_not_exists);
  EXPECT_EQ(cu.names, std::vector<std::string>{"alice"});
  EXPECT_EQ(cu.auth->type, "sha256_password");
  EXPECT_EQ(cu.auth->value, "pw");
  ASSERT_EQ(cu.settings.size(), 2u);
  EXPECT_EQ(cu.settings[0].parent_profile, "ro");
  EXPECT_EQ(cu.settings[1].writability, "CONST");

  auto q = parseQuery("CREATE QUOTA q FOR INTERVAL 1 hour MAX queries = 10, errors = 2, FOR INTERVAL 1 day MAX read_rows = 5 TO alice", {});
  const auto& cq = q->as<ASTCreateAccessEntityQuery>();
  ASSERT_EQ(cq.intervals.size(), 2u);
  EXPECT_EQ(cq.intervals[0].duration_seconds, 3600u);
  EXPECT_EQ(cq.intervals[0].max.at("errors"), 2);
  EXPECT_EQ(cq.intervals[1].duration_seconds, 86400u);
  EXPECT_EQ(cq.to->names, std::vector<std::string>{"alice"});

  auto g = parseQuery("GRANT SELECT(a, b), CREATE TABLE ON db.* TO alice, r WITH GRANT OPTION", {});
  const auto& gq = g->as<ASTGrantQuery>();
  ASSERT_EQ(gq.privileges.size(), 2u);
  EXPECT_EQ(gq.privileges[0].columns.size(), 2u);
  EXPECT_EQ(gq.privileges[1].name, "CREATE TABLE");
  EXPECT_EQ(gq.database, "db");
  EXPECT_EQ(gq.table, "*");
  EXPECT_TRUE(gq.with_grant_option);
  auto rg = parseQuery("REVOKE r FROM alice", {});
  EXPECT_EQ(rg->as<ASTGrantQuery>().roles, std::vector<std::string>{"r"});
  EXPECT_EQ(parseQuery("SHOW GRANTS FOR alice", {})->kind, ASTKind::ShowAccessQuery);
  EXPECT_EQ(parseQuery("DROP SETTINGS PROFILE IF EXISTS p", {})->kind, ASTKind::DropAccessEntityQuery);
  // Ordinary statements still parse as before.
  EXPECT_EQ(parseQuery("CREATE TABLE t (x UInt8) ENGINE = Memory", {})->kind, ASTKind::CreateQuery);
  EXPECT_EQ(parseQuery("SHOW TABLES", {})->kind, ASTKind::ShowTablesQuery);
  EXPECT_THROW(parseQuery("CREATE USER u IDENTIFIED WITH magic BY 'x'", {}), Exception);
}

TEST(AccessParser, FormatRoundTrip) {
  const char* statements[] = {
      "CREATE USER IF NOT EXISTS alice IDENTIFIED WITH sha256_hash BY 'ab' SALT 's' HOST LOCAL, NAME 'x' DEFAULT ROLE ALL EXCEPT r SETTINGS PROFILE 'p', max_threads = 2 MIN 1 MAX 4 READONLY",
      "CREATE OR REPLACE USER `to`, b NOT IDENTIFIED SETTINGS NONE",
      "ALTER USER IF EXISTS a RENAME TO b IDENTIFIED BY 'pw' DEFAULT ROLE NONE",
      "CREATE ROLE r SETTINGS readonly = 2",
      "CREATE SETTINGS PROFILE p SETTINGS readonly = 1, result_overflow_mode = 'break' TO ALL EXCEPT `current_user`",
      "CREATE QUOTA q NOT KEYED FOR RANDOMIZED INTERVAL 90 minute MAX execution_time = 1.5, queries = 3, FOR INTERVAL 1 day TRACKING ONLY TO CURRENT_USER",
      "DROP QUOTA IF EXISTS a, `b c`",
      "GRANT SELECT(a, `b c`), CREATE TABLE, dictGet ON db.* TO u, `all` WITH GRANT OPTION",
      "GRANT ALL ON *.* TO u",
      "GRANT SELECT ON t TO u",
      "REVOKE GRANT OPTION FOR INSERT ON * FROM ALL EXCEPT u",
      "GRANT r, `from` TO u WITH ADMIN OPTION",
      "REVOKE ADMIN OPTION FOR r FROM u",
      "SHOW GRANTS FOR a, b",
      "SHOW CREATE SETTINGS PROFILE p FORMAT JSON",
      "SHOW SETTINGS PROFILES",
      "SHOW QUOTA",
  };
  for (const char* sql : statements) {
    std::string text = formatAST(*parseQuery(sql, {}));
    EXPECT_FALSE(text.empty()) << sql;
    EXPECT_EQ(formatAST(*parseQuery(text, {})), text) << sql;
  }
  EXPECT_EQ(formatAST(*parseQuery("grant select on db.t to u with grant option", {})),
            "GRANT select ON db.t TO u WITH GRANT OPTION");
}
