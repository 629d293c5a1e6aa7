// Text of the access-control statements (ast_access.h), in a form that parses back to the same
// tree. Used by formatAST.

#include "parser/ast_access.h"
#include "parser/format_helpers.h"
#include "parser/parser_impl.h"

namespace tally {

namespace {

/// Words that would read as part of the statement rather than as a name.
bool isClauseWord(const std::string& word) {
  static const char* kWords[] = {"ALL", "NONE", "EXCEPT", "CURRENT_USER", "ON", "TO", "FROM", "WITH", "FORMAT",
                                 "SETTINGS", "INTO", "FOR"};
  for (const char* w : kWords)
    if (equalsIgnoreCase(word, w)) return true;
  return false;
}

std::string name(const std::string& n) {
  if (n == "\x01current_user") return "CURRENT_USER";
  return isClauseWord(n) ? backQuote(n) : backQuoteIfNeed(n);
}

std::string names(const std::vector<std::string>& list) {
  std::string s;
  for (size_t i = 0; i < list.size(); ++i) s += (i ? ", " : "") + name(list[i]);
  return s;
}

std::string roleList(const ASTRoleList& l) {
  if (l.none) return "NONE";
  std::string s = names(l.names);
  if (l.all) s += (s.empty() ? "" : ", ") + std::string("ALL");
  if (!l.except.empty()) s += " EXCEPT " + names(l.except);
  return s;
}

std::string number(double v) {
  if (v >= 0 && v < 1e18 && v == double(uint64_t(v))) return std::to_string(uint64_t(v));
  return formatFloatLiteral(v);
}

/// A privilege (words as written) or a role name.
std::string privilegeText(const std::string& text) {
  bool plain = !text.empty();
  size_t start = 0;
  while (plain && start <= text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    std::string word = text.substr(start, space - start);
    plain = !word.empty() && backQuoteIfNeed(word) == word && !equalsIgnoreCase(word, "ON") &&
            !equalsIgnoreCase(word, "TO") && !equalsIgnoreCase(word, "FROM");
    start = space + 1;
  }
  return plain ? text : backQuote(text);
}

std::string settingsClause(const std::vector<ASTSettingElement>& settings) {
  if (settings.empty()) return " SETTINGS NONE";
  std::string s = " SETTINGS ";
  for (size_t i = 0; i < settings.size(); ++i) {
    const auto& e = settings[i];
    if (i) s += ", ";
    if (!e.parent_profile.empty()) {
      s += "PROFILE " + quoteString(e.parent_profile);
      continue;
    }
    s += backQuoteIfNeed(e.name);
    if (e.value) s += " = " + fieldToString(*e.value);
    if (e.min) s += " MIN " + fieldToString(*e.min);
    if (e.max) s += " MAX " + fieldToString(*e.max);
    if (!e.writability.empty()) s += " " + e.writability;
  }
  return s;
}

std::string entityWord(AccessEntityKind kind) {
  switch (kind) {
    case AccessEntityKind::User: return "USER";
    case AccessEntityKind::Role: return "ROLE";
    case AccessEntityKind::SettingsProfile: return "SETTINGS PROFILE";
    case AccessEntityKind::Quota: return "QUOTA";
  }
  return {};
}

std::string createText(const ASTCreateAccessEntityQuery& q) {
  std::string s = q.alter ? "ALTER " : "CREATE ";
  if (q.or_replace) s += "OR REPLACE ";
  s += entityWord(q.entity) + " ";
  if (q.if_exists) s += "IF EXISTS ";
  if (q.if_not_exists) s += "IF NOT EXISTS ";
  s += names(q.names);
  if (!q.new_name.empty()) s += " RENAME TO " + name(q.new_name);
  if (q.auth) {
    s += " IDENTIFIED WITH " + q.auth->type;
    if (q.auth->type != "no_password") s += " BY " + quoteString(q.auth->value);
    if (q.auth->has_salt) s += " SALT " + quoteString(q.auth->salt);
  }
  if (!q.host_patterns.empty()) {
    s += " HOST ";
    for (size_t i = 0; i < q.host_patterns.size(); ++i) {
      const auto& h = q.host_patterns[i];
      s += i ? ", " : "";
      if (h == "any" || h == "none" || h == "local")
        s += h == "any" ? "ANY" : h == "none" ? "NONE" : "LOCAL";
      else
        s += "NAME " + quoteString(h);
    }
  }
  if (q.default_roles) s += " DEFAULT ROLE " + roleList(*q.default_roles);
  if (q.has_settings) s += settingsClause(q.settings);
  if (!q.quota_key.empty()) s += q.quota_key == "none" ? " NOT KEYED" : " KEYED BY " + quoteString(q.quota_key);
  for (size_t i = 0; i < q.intervals.size(); ++i) {
    const auto& iv = q.intervals[i];
    s += i ? ", FOR " : " FOR ";
    if (iv.randomize) s += "RANDOMIZED ";
    s += "INTERVAL " + std::to_string(iv.duration_seconds) + " SECOND";
    if (iv.no_limits) {
      s += " NO LIMITS";
    } else if (iv.tracking_only) {
      s += " TRACKING ONLY";
    } else {
      s += " MAX ";
      bool first = true;
      for (const auto& [what, value] : iv.max) {
        s += (first ? "" : ", ") + what + " = " + number(value);
        first = false;
      }
    }
  }
  if (q.to) s += " TO " + roleList(*q.to);
  return s;
}

std::string grantText(const ASTGrantQuery& q) {
  std::string s = q.is_revoke ? "REVOKE " : "GRANT ";
  if (q.option_only) s += q.privileges.empty() ? "ADMIN OPTION FOR " : "GRANT OPTION FOR ";
  if (!q.privileges.empty()) {
    for (size_t i = 0; i < q.privileges.size(); ++i) {
      const auto& p = q.privileges[i];
      s += (i ? ", " : "") + privilegeText(p.name);
      if (!p.columns.empty()) {
        s += "(";
        for (size_t c = 0; c < p.columns.size(); ++c) s += (c ? ", " : "") + backQuoteIfNeed(p.columns[c]);
        s += ")";
      }
    }
    auto part = [](const std::string& x) { return x == "*" ? std::string("*") : backQuoteIfNeed(x); };
    s += " ON ";
    s += q.database.empty() ? part(q.table) : part(q.database) + "." + part(q.table);
  } else {
    for (size_t i = 0; i < q.roles.size(); ++i) s += (i ? ", " : "") + privilegeText(q.roles[i]);
  }
  s += (q.is_revoke ? " FROM " : " TO ") + roleList(q.grantees);
  if (q.with_grant_option) s += q.privileges.empty() ? " WITH ADMIN OPTION" : " WITH GRANT OPTION";
  return s;
}

std::string showText(const ASTShowAccessQuery& q) {
  using What = ASTShowAccessQuery::What;
  switch (q.what) {
    case What::Grants: return q.names.empty() ? "SHOW GRANTS" : "SHOW GRANTS FOR " + names(q.names);
    case What::CreateEntity: return "SHOW CREATE " + entityWord(q.entity) + (q.names.empty() ? "" : " " + names(q.names));
    case What::QuotaUsage: return "SHOW QUOTA";
    case What::Entities:
      switch (q.entity) {
        case AccessEntityKind::User: return "SHOW USERS";
        case AccessEntityKind::Role: return "SHOW ROLES";
        case AccessEntityKind::SettingsProfile: return "SHOW SETTINGS PROFILES";
        case AccessEntityKind::Quota: return "SHOW QUOTAS";
      }
  }
  return {};
}

}  // namespace

std::string formatAccessStatement(const IAST& ast) {
  switch (ast.kind) {
    case ASTKind::CreateAccessEntityQuery: return createText(ast.as<ASTCreateAccessEntityQuery>());
    case ASTKind::DropAccessEntityQuery: {
      const auto& q = ast.as<ASTDropAccessEntityQuery>();
      return "DROP " + entityWord(q.entity) + (q.if_exists ? " IF EXISTS " : " ") + names(q.names);
    }
    case ASTKind::GrantQuery: return grantText(ast.as<ASTGrantQuery>());
    case ASTKind::ShowAccessQuery: return showText(ast.as<ASTShowAccessQuery>());
    default: return {};
  }
}

}  // namespace tally
