#include "access/users_file.h"

#include <filesystem>

#include <yaml-cpp/yaml.h>

#include "common/exception.h"

namespace tally {

namespace {

/// A scalar setting value: integers stay integers, other text stays a string.
Field scalarField(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 20)
    return Field(uint64_t(std::stoull(text)));
  if (text == "true") return Field(uint64_t(1));
  if (text == "false") return Field(uint64_t(0));
  return Field(text);
}

std::string scalar(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file: {} must be a scalar", what);
  return node.as<std::string>();
}

void readInterval(const YAML::Node& node, Quota& quota) {
  if (!node.IsMap()) throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file: quota {}: interval must be a map", quota.name);
  ASTQuotaInterval iv;
  for (const auto& kv : node) {
    std::string key = kv.first.as<std::string>();
    std::string value = scalar(kv.second, "quota " + quota.name + "." + key);
    if (key == "duration") {
      iv.duration_seconds = std::stoull(value);
    } else if (key == "randomize") {
      iv.randomize = value == "1" || value == "true";
    } else if (key == "queries" || key == "query_selects" || key == "query_inserts" || key == "errors" ||
               key == "result_rows" || key == "result_bytes" || key == "read_rows" || key == "read_bytes" ||
               key == "execution_time" || key == "written_bytes") {
      double v = std::stod(value);
      if (v > 0) iv.max[key] = v;
    } else {
      throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file: quota {}: unknown key {}", quota.name, key);
    }
  }
  if (!iv.duration_seconds)
    throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file: quota {}: interval needs a duration", quota.name);
  if (iv.max.empty()) iv.tracking_only = true;
  quota.intervals.push_back(std::move(iv));
}

}  // namespace

UsersFileContent readUsersFile(const std::string& path) {
  if (!std::filesystem::exists(path)) throw Exception(ErrorCodes::FILE_DOESNT_EXIST, "Users file {} does not exist", path);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Cannot parse users file {}: {}", path, e.what());
  }
  UsersFileContent content;
  try {
    std::map<std::string, std::vector<std::string>> quota_users;
    if (const auto& users = root["users"]) {
      for (const auto& kv : users) {
        User user;
        user.name = kv.first.as<std::string>();
        user.storage = AccessStorageKind::UsersFile;
        const YAML::Node& u = kv.second;
        std::string sha256, double_sha1;
        if (u["password_sha256_hex"]) sha256 = scalar(u["password_sha256_hex"], "password_sha256_hex");
        if (u["password_double_sha1_hex"]) double_sha1 = scalar(u["password_double_sha1_hex"], "password_double_sha1_hex");
        if (u["password"]) {
          if (!sha256.empty() || !double_sha1.empty())
            throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file: user {} has more than one password", user.name);
          std::string plain = u["password"].IsNull() ? std::string() : scalar(u["password"], "password");
          user.auth = plain.empty() ? AuthenticationData{} : AuthenticationData::fromSpec("sha256_password", plain, "");
        } else {
          user.auth = AuthenticationData::fromHex(sha256, double_sha1);
        }
        if (u["profile"]) {
          SettingsProfileElement e;
          e.parent_profile = scalar(u["profile"], "profile");
          user.settings.push_back(e);
        }
        if (u["quota"]) quota_users[scalar(u["quota"], "quota")].push_back(user.name);
        if (u["access_management"] && scalar(u["access_management"], "access_management") != "0")
          content.grant_statements.emplace_back(user.name, "GRANT ACCESS MANAGEMENT ON *.* TO " + user.name);
        if (const auto& grants = u["grants"]) {
          const YAML::Node queries = grants["query"] ? grants["query"] : grants;
          auto add = [&](const YAML::Node& q) {
            content.grant_statements.emplace_back(user.name, scalar(q, "grants.query") + " TO `" + user.name + "`");
          };
          if (queries.IsSequence())
            for (const auto& q : queries) add(q);
          else
            add(queries);
        } else {
          // ClickHouse's users.xml default: a user without <grants> may do everything.
          content.grant_statements.emplace_back(user.name, "GRANT ALL ON *.* TO `" + user.name + "` WITH GRANT OPTION");
        }
        content.users.push_back(std::move(user));
      }
    }
    if (const auto& profiles = root["profiles"]) {
      for (const auto& kv : profiles) {
        SettingsProfile p;
        p.name = kv.first.as<std::string>();
        p.storage = AccessStorageKind::UsersFile;
        if (kv.second.IsMap()) {
          for (const auto& s : kv.second) {
            SettingsProfileElement e;
            std::string key = s.first.as<std::string>();
            if (key == "profile") {
              e.parent_profile = scalar(s.second, "profile");
            } else {
              e.name = key;
              e.value = scalarField(scalar(s.second, "profile " + p.name + "." + key));
            }
            p.settings.push_back(std::move(e));
          }
        }
        content.profiles.push_back(std::move(p));
      }
    }
    if (const auto& quotas = root["quotas"]) {
      for (const auto& kv : quotas) {
        Quota q;
        q.name = kv.first.as<std::string>();
        q.storage = AccessStorageKind::UsersFile;
        if (const auto& interval = kv.second["interval"]) {
          if (interval.IsSequence())
            for (const auto& i : interval) readInterval(i, q);
          else
            readInterval(interval, q);
        }
        q.to.names = quota_users[q.name];
        content.quotas.push_back(std::move(q));
      }
    }
  } catch (const YAML::Exception& e) {
    throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Bad users file {}: {}", path, e.what());
  } catch (const std::invalid_argument&) {
    throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Bad number in users file {}", path);
  } catch (const std::out_of_range&) {
    throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Number out of range in users file {}", path);
  }
  return content;
}

}  // namespace tally
