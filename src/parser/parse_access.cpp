// Access-control statements: CREATE/ALTER/DROP USER|ROLE|SETTINGS PROFILE|QUOTA, GRANT,
// REVOKE, SHOW GRANTS|USERS|ROLES|PROFILES|QUOTAS|QUOTA, SHOW CREATE USER|ROLE|... (ast_access.h).

#include "parser/ast_access.h"
#include "parser/parser_impl.h"

namespace tally {

namespace {

/// Seconds in one interval unit (singular or plural, any case); 0 if `word` is no unit.
uint64_t secondsPerUnit(std::string_view word) {
  std::string w = toLowerAscii(word);
  if (!w.empty() && w.back() == 's') w.pop_back();
  if (w == "second") return 1;
  if (w == "minute") return 60;
  if (w == "hour") return 3600;
  if (w == "day") return 86400;
  if (w == "week") return 7 * 86400;
  if (w == "month") return 30 * 86400;
  if (w == "quarter") return 91 * 86400;
  if (w == "year") return 365 * 86400;
  return 0;
}

constexpr std::string_view kQuotaResources[] = {"queries",  "query_selects", "query_inserts", "errors",
                                                "result_rows", "result_bytes", "read_rows", "read_bytes",
                                                "execution_time", "written_bytes", "failed_sequential_authentications"};

}  // namespace

namespace {

/// Which entity keyword starts at token k; the number of words it spans (0: none).
size_t entityKeywordAt(SqlParser& p, size_t k, AccessEntityKind& kind) {
  if (p.isWord("USER", k)) return kind = AccessEntityKind::User, 1;
  if (p.isWord("ROLE", k)) return kind = AccessEntityKind::Role, 1;
  if (p.isWord("QUOTA", k)) return kind = AccessEntityKind::Quota, 1;
  if (p.isWord("PROFILE", k)) return kind = AccessEntityKind::SettingsProfile, 1;
  if (p.isWord("SETTINGS", k) && p.isWord("PROFILE", k + 1)) return kind = AccessEntityKind::SettingsProfile, 2;
  return 0;
}

/// The plural keyword of SHOW USERS / ROLES / [SETTINGS] PROFILES / QUOTAS.
size_t entityPluralAt(SqlParser& p, size_t k, AccessEntityKind& kind) {
  if (p.isWord("USERS", k)) return kind = AccessEntityKind::User, 1;
  if (p.isWord("ROLES", k)) return kind = AccessEntityKind::Role, 1;
  if (p.isWord("QUOTAS", k)) return kind = AccessEntityKind::Quota, 1;
  if (p.isWord("PROFILES", k)) return kind = AccessEntityKind::SettingsProfile, 1;
  if (p.isWord("SETTINGS", k) && p.isWord("PROFILES", k + 1)) return kind = AccessEntityKind::SettingsProfile, 2;
  return 0;
}

class AccessParser {
 public:
  explicit AccessParser(SqlParser& p) : p_(p) {}

  /// A user/role/profile/quota name: an identifier or a string literal (`'name'`); `@host` is
  /// accepted and dropped.
  std::string name() {
    std::string n = p_.isStringToken() ? p_.parseStringLiteral() : p_.parseIdentifierName("name");
    if (p_.peekType() == TokenType::At) {
      p_.advance();
      if (p_.isStringToken()) p_.parseStringLiteral(); else p_.parseIdentifierName("host");
    }
    return n;
  }

  std::vector<std::string> names() {
    std::vector<std::string> res{name()};
    while (p_.acceptToken(TokenType::Comma, "','")) res.push_back(name());
    return res;
  }

  ASTRoleList roleList() {
    ASTRoleList list;
    if (p_.acceptKeyword("NONE")) {
      list.none = true;
      return list;
    }
    do {
      if (p_.acceptKeyword("ALL")) {
        list.all = true;
      } else if (p_.acceptKeyword("CURRENT_USER")) {
        list.names.push_back("\x01current_user");
      } else {
        list.names.push_back(name());
      }
    } while (p_.acceptToken(TokenType::Comma, "','"));
    if (p_.acceptKeyword("EXCEPT")) {
      do list.except.push_back(name());
      while (p_.acceptToken(TokenType::Comma, "','"));
    }
    return list;
  }

  ASTAuthentication identified() {
    ASTAuthentication a;
    if (p_.acceptKeyword("BY")) {
      a.type = "sha256_password";
      a.value = p_.parseStringLiteral();
      return a;
    }
    p_.expectKeyword("WITH");
    a.type = toLowerAscii(p_.parseIdentifierName("authentication type"));
    if (a.type != "no_password" && a.type != "plaintext_password" && a.type != "sha256_password" &&
        a.type != "sha256_hash" && a.type != "double_sha1_password" && a.type != "double_sha1_hash") {
      --p_.pos_;
      p_.expected("no_password, plaintext_password, sha256_password, sha256_hash, double_sha1_password or double_sha1_hash");
      p_.fail();
    }
    if (a.type != "no_password") {
      p_.expectKeyword("BY");
      a.value = p_.parseStringLiteral();
      if (a.type == "sha256_hash" && p_.acceptKeyword("SALT")) {
        a.salt = p_.parseStringLiteral();
        a.has_salt = true;
      }
    }
    return a;
  }

  void settings(ASTCreateAccessEntityQuery& q) {
    q.has_settings = true;
    if (p_.acceptKeyword("NONE")) return;
    do {
      ASTSettingElement e;
      if (p_.acceptKeyword("PROFILE") || p_.acceptKeyword("INHERIT")) {
        e.parent_profile = name();
        q.settings.push_back(std::move(e));
        continue;
      }
      e.name = p_.parseIdentifierName("setting name");
      if (p_.acceptToken(TokenType::Equals, "'='")) e.value = p_.parseSettingValue();
      while (true) {
        if (p_.acceptKeyword("MIN")) {
          p_.acceptToken(TokenType::Equals, "'='");
          e.min = p_.parseSettingValue();
        } else if (p_.acceptKeyword("MAX")) {
          p_.acceptToken(TokenType::Equals, "'='");
          e.max = p_.parseSettingValue();
        } else if (p_.acceptKeyword("CONST") || p_.acceptKeyword("READONLY")) {
          e.writability = "CONST";
        } else if (p_.acceptKeyword("WRITABLE")) {
          e.writability = "WRITABLE";
        } else if (p_.acceptKeyword("CHANGEABLE_IN_READONLY")) {
          e.writability = "CHANGEABLE_IN_READONLY";
        } else {
          break;
        }
      }
      q.settings.push_back(std::move(e));
    } while (p_.acceptToken(TokenType::Comma, "','"));
  }

  void hosts(ASTCreateAccessEntityQuery& q) {
    do {
      if (p_.isWord("ANY") || p_.isWord("NONE") || p_.isWord("LOCAL")) {
        q.host_patterns.push_back(toLowerAscii(p_.tokenText(p_.peek())));
        p_.advance();
        continue;
      }
      if (p_.acceptKeyword("NAME") || p_.acceptKeyword("IP") || p_.acceptKeyword("LIKE") || p_.acceptKeyword("REGEXP")) {
        do q.host_patterns.push_back(p_.parseStringLiteral());
        while (p_.peekType() == TokenType::Comma && p_.isStringToken(1) && (p_.advance(), true));
        continue;
      }
      p_.expected("ANY, NONE, LOCAL, NAME, IP, LIKE or REGEXP");
      p_.fail();
    } while (p_.acceptToken(TokenType::Comma, "','"));
  }

  void quotaInterval(ASTCreateAccessEntityQuery& q) {
    ASTQuotaInterval interval;
    interval.randomize = p_.acceptKeyword("RANDOMIZED");
    p_.expectKeyword("INTERVAL");
    uint64_t n = 1;
    if (p_.peekType() == TokenType::Number) {
      Field f = p_.parseNumberField(p_.peek(), false);
      p_.advance();
      if (f.which() != Field::Which::UInt64) {
        p_.expected("a whole number of units");
        p_.fail();
      }
      n = f.get<uint64_t>();
    }
    uint64_t unit = p_.peekType() == TokenType::BareWord ? secondsPerUnit(p_.tokenText(p_.peek())) : 0;
    if (!unit) {
      p_.expected("SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR");
      p_.fail();
    }
    p_.advance();
    interval.duration_seconds = n * unit;
    if (p_.acceptKeyword("NO LIMITS")) {
      interval.no_limits = true;
    } else if (p_.acceptKeyword("TRACKING ONLY")) {
      interval.tracking_only = true;
    } else {
      p_.expectKeyword("MAX");
      do {
        p_.acceptKeyword("MAX");
        std::string resource = toLowerAscii(p_.parseIdentifierName("quota resource"));
        bool known = false;
        for (auto r : kQuotaResources) known |= r == resource;
        if (!known) {
          --p_.pos_;
          p_.expected("queries, query_selects, query_inserts, errors, result_rows, result_bytes, read_rows, read_bytes, execution_time or written_bytes");
          p_.fail();
        }
        p_.expectToken(TokenType::Equals, "'='");
        Field v = p_.parseSettingValue();
        double value = v.which() == Field::Which::UInt64 || v.which() == Field::Which::Float64 ? v.as<double>() : -1;
        if (value < 0) {
          p_.expected("a non-negative number");
          p_.fail();
        }
        interval.max[resource] = value;
      } while (p_.peekType() == TokenType::Comma && !p_.isWord("FOR", 1) && (p_.advance(), true));
    }
    q.intervals.push_back(std::move(interval));
  }

  ASTPtr createOrAlter(size_t begin) {
    auto q = p_.make<ASTCreateAccessEntityQuery>(begin);
    q->alter = p_.isWord("ALTER");
    p_.advance();
    if (!q->alter && p_.acceptKeyword("OR REPLACE")) q->or_replace = true;
    p_.pos_ += entityKeywordAt(p_, 0, q->entity);
    if (q->alter) {
      q->if_exists = p_.acceptKeyword("IF EXISTS");
    } else {
      q->if_not_exists = p_.acceptKeyword("IF NOT EXISTS");
    }
    q->names = names();
    p_.skipOnCluster();
    while (true) {
      if (q->alter && p_.acceptKeyword("RENAME TO")) {
        q->new_name = name();
      } else if (q->entity == AccessEntityKind::User && p_.acceptKeyword("NOT IDENTIFIED")) {
        q->auth = ASTAuthentication{"no_password", "", "", false};
      } else if (q->entity == AccessEntityKind::User && p_.acceptKeyword("IDENTIFIED")) {
        q->auth = identified();
      } else if (q->entity == AccessEntityKind::User && p_.acceptKeyword("HOST")) {
        hosts(*q);
      } else if (q->entity == AccessEntityKind::User && p_.acceptKeyword("DEFAULT ROLE")) {
        q->default_roles = roleList();
      } else if (q->entity == AccessEntityKind::User && p_.acceptKeyword("DEFAULT DATABASE")) {
        name();
      } else if (q->entity != AccessEntityKind::Quota && p_.acceptKeyword("SETTINGS")) {
        settings(*q);
      } else if (q->entity == AccessEntityKind::Quota && p_.acceptKeyword("NOT KEYED")) {
        q->quota_key = "none";
      } else if (q->entity == AccessEntityKind::Quota && p_.acceptKeyword("KEYED BY")) {
        q->quota_key = toLowerAscii(p_.isStringToken() ? p_.parseStringLiteral() : p_.parseIdentifierName("key"));
      } else if (q->entity == AccessEntityKind::Quota && p_.acceptKeyword("FOR")) {
        do {
          if (!q->intervals.empty()) p_.expectKeyword("FOR");
          quotaInterval(*q);
        } while (p_.peekType() == TokenType::Comma && p_.isWord("FOR", 1) && (p_.advance(), true));
      } else if ((q->entity == AccessEntityKind::Quota || q->entity == AccessEntityKind::SettingsProfile) &&
                 p_.acceptKeyword("TO")) {
        q->to = roleList();
      } else {
        break;
      }
    }
    p_.finish(*q);
    return q;
  }

  ASTPtr drop(size_t begin) {
    auto q = p_.make<ASTDropAccessEntityQuery>(begin);
    p_.advance();  // DROP
    p_.pos_ += entityKeywordAt(p_, 0, q->entity);
    q->if_exists = p_.acceptKeyword("IF EXISTS");
    q->names = names();
    p_.skipOnCluster();
    p_.finish(*q);
    return q;
  }

  /// One privilege or role name: words up to '(', ',', ON, TO or FROM.
  ASTPrivilege privilegeOrRole() {
    ASTPrivilege pr;
    if (p_.peekType() == TokenType::QuotedIdentifier || p_.isStringToken()) {
      pr.name = name();
      return pr;
    }
    while (p_.peekType() == TokenType::BareWord && !p_.isWord("ON") && !p_.isWord("TO") && !p_.isWord("FROM")) {
      std::string word(p_.tokenText(p_.peek()));
      p_.advance();
      if (!pr.name.empty()) pr.name += ' ';
      pr.name += word;
    }
    if (pr.name.empty()) {
      p_.expected("privilege or role name");
      p_.fail();
    }
    if (p_.acceptToken(TokenType::OpeningRoundBracket, "'('")) {
      do pr.columns.push_back(p_.parseIdentifierName("column name"));
      while (p_.acceptToken(TokenType::Comma, "','"));
      p_.expectToken(TokenType::ClosingRoundBracket, "')'");
    }
    return pr;
  }

  /// `*`, `*.*`, `db.*`, `db.table`, `table`.
  void grantTarget(ASTGrantQuery& q) {
    auto part = [&]() -> std::string {
      if (p_.acceptToken(TokenType::Asterisk, "'*'")) return "*";
      return p_.parseIdentifierName("database or table name");
    };
    std::string first = part();
    if (p_.acceptToken(TokenType::Dot, "'.'")) {
      q.database = first;
      q.table = part();
    } else if (first == "*") {
      q.table = "*";  // the current database
    } else {
      q.table = first;
    }
  }

  ASTPtr grant(size_t begin) {
    auto q = p_.make<ASTGrantQuery>(begin);
    q->is_revoke = p_.isWord("REVOKE");
    p_.advance();
    p_.skipOnCluster();
    if (q->is_revoke && (p_.acceptKeyword("GRANT OPTION FOR") || p_.acceptKeyword("ADMIN OPTION FOR")))
      q->option_only = true;
    std::vector<ASTPrivilege> items;
    do items.push_back(privilegeOrRole());
    while (p_.acceptToken(TokenType::Comma, "','"));
    if (p_.acceptKeyword("ON")) {
      q->privileges = std::move(items);
      grantTarget(*q);
    } else {
      for (auto& i : items) {
        if (!i.columns.empty()) {
          p_.expected("ON");
          p_.fail();
        }
        q->roles.push_back(std::move(i.name));
      }
    }
    p_.expectKeyword(q->is_revoke ? "FROM" : "TO");
    q->grantees = roleList();
    if (!q->is_revoke) {
      if (p_.acceptKeyword("WITH GRANT OPTION") || p_.acceptKeyword("WITH ADMIN OPTION")) q->with_grant_option = true;
    }
    p_.finish(*q);
    return q;
  }

  ASTPtr show(size_t begin) {
    auto q = p_.make<ASTShowAccessQuery>(begin);
    p_.advance();  // SHOW
    if (p_.acceptKeyword("GRANTS")) {
      q->what = ASTShowAccessQuery::What::Grants;
      if (p_.acceptKeyword("FOR")) {
        ASTRoleList l = roleList();
        q->names = l.names;
      }
    } else if (p_.acceptKeyword("CREATE")) {
      q->what = ASTShowAccessQuery::What::CreateEntity;
      p_.pos_ += entityKeywordAt(p_, 0, q->entity);
      if (p_.peekType() == TokenType::BareWord || p_.peekType() == TokenType::QuotedIdentifier || p_.isStringToken()) {
        if (!p_.isWord("FORMAT") && !p_.isWord("INTO") && !p_.isWord("SETTINGS")) {
          if (p_.acceptKeyword("CURRENT_USER")) {
          } else {
            q->names = names();
          }
        }
      }
    } else if (p_.acceptKeyword("QUOTA")) {
      q->what = ASTShowAccessQuery::What::QuotaUsage;
      q->entity = AccessEntityKind::Quota;
    } else {
      q->what = ASTShowAccessQuery::What::Entities;
      p_.pos_ += entityPluralAt(p_, 0, q->entity);
    }
    p_.parseOutputClauses(*q);
    p_.finish(*q);
    return q;
  }

 private:
  SqlParser& p_;
};

}  // namespace

ASTPtr SqlParser::tryParseAccessStatement(size_t begin) {
  AccessParser ap(*this);
  AccessEntityKind kind;
  if (isWord("CREATE")) {
    size_t k = 1;
    if (isWord("OR", 1) && isWord("REPLACE", 2)) k = 3;
    if (entityKeywordAt(*this, k, kind)) return ap.createOrAlter(begin);
    return nullptr;
  }
  if (isWord("ALTER") && entityKeywordAt(*this, 1, kind)) return ap.createOrAlter(begin);
  if (isWord("DROP") && entityKeywordAt(*this, 1, kind)) return ap.drop(begin);
  if (isWord("GRANT") || isWord("REVOKE")) return ap.grant(begin);
  if (isWord("SHOW")) {
    if (isWord("GRANTS", 1) || isWord("QUOTA", 1) || entityPluralAt(*this, 1, kind) ||
        (isWord("CREATE", 1) && entityKeywordAt(*this, 2, kind)))
      return ap.show(begin);
  }
  return nullptr;
}

}  // namespace tally
