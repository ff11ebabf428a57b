#include "store/sha256.hpp"

#include <fazhi/error.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <climits>
#include <memory>

namespace fazhi::store {

namespace {

// The digest fetched once and a context reused per thread: OpenSSL 3 looks
// the algorithm up again on every EVP_sha256() init, which cost as much as
// hashing a journal entry.
struct Sha256Context {
  EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  Sha256Context() = default;
  Sha256Context(const Sha256Context&) = delete;
  Sha256Context& operator=(const Sha256Context&) = delete;
  ~Sha256Context() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
};

}  // namespace

std::string sha256_raw(std::string_view a, std::string_view b) {
  thread_local Sha256Context c;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!c.md || !c.ctx || EVP_DigestInit_ex(c.ctx, c.md, nullptr) != 1 ||
      EVP_DigestUpdate(c.ctx, a.data(), a.size()) != 1 ||
      EVP_DigestUpdate(c.ctx, b.data(), b.size()) != 1 ||
      EVP_DigestFinal_ex(c.ctx, digest, &len) != 1)
    throw Error(Status::internal, "SHA-256 failed");
  return std::string(reinterpret_cast<const char*>(digest), len);
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (key.size() > static_cast<std::size_t>(INT_MAX) ||
      !HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len))
    throw Error(Status::internal, "HMAC-SHA-256 failed");
  return std::string(reinterpret_cast<const char*>(mac), len);
}

std::string sha256_hex(std::string_view a, std::string_view b) { return to_hex(sha256_raw(a, b)); }

std::string to_hex(std::string_view bytes) {
  static const char hex[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto u = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = hex[u >> 4];
    out[2 * i + 1] = hex[u & 0xf];
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2) return std::nullopt;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return out;
}

}  // namespace fazhi::store
