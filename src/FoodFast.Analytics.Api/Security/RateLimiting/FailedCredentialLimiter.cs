using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security.RateLimiting;

/// <summary>
/// Slows down credential guessing per client IP: once an IP has sent <see cref="FailedCredentialOptions.MaxFailures"/>
/// refused credentials within the window, its further credentials are refused with 429 before they are checked, so a
/// guesser learns nothing. Credentials that succeeded from that IP within the window still pass: a shared office or
/// NAT address with one misconfigured client does not lock out the working ones. Keys are remembered as SHA-256
/// hashes only, at most 1,000 per address and 100,000 addresses (idle ones are pruned).
/// </summary>
public sealed class FailedCredentialLimiter(IOptions<SecurityOptions> options, TimeProvider time)
{
    private const int MaxTrackedAddresses = 100_000;
    private const int MaxGoodPerAddress = 1_000;
    private readonly FailedCredentialOptions _options = options.Value.FailedCredentials;
    private readonly ConcurrentDictionary<string, AddressRecord> _addresses = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromSeconds(_options.WindowSeconds);

    /// <summary>How long until this IP may try the credential again; null when it may now.</summary>
    public TimeSpan? RetryAfter(IPAddress? address, string credential)
    {
        if (_options.MaxFailures <= 0 || !_addresses.TryGetValue(Key(address), out var record))
        {
            return null;
        }
        var now = time.GetUtcNow();
        return record.Blocked(now, Window, _options.MaxFailures) is { } wait && !record.WorkedBefore(Hash(credential)) ? wait : null;
    }

    public void Failed(IPAddress? address)
    {
        if (_options.MaxFailures <= 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        RecordFor(address).Failed(now, Window, _options.MaxFailures);
    }

    public void Succeeded(IPAddress? address, string credential)
    {
        if (_options.MaxFailures > 0)
        {
            RecordFor(address).Succeeded(time.GetUtcNow(), Hash(credential));
        }
    }

    private AddressRecord RecordFor(IPAddress? address)
    {
        if (_addresses.Count >= MaxTrackedAddresses)
        {
            Prune(time.GetUtcNow());
        }
        return _addresses.GetOrAdd(Key(address), _ => new AddressRecord());
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, record) in _addresses)
        {
            if (record.IsIdle(now, Window))
            {
                _addresses.TryRemove(key, out _);
            }
        }
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private static string Hash(string credential) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));

    private sealed class AddressRecord
    {
        private readonly Queue<DateTimeOffset> _failures = new();
        private readonly Dictionary<string, DateTimeOffset> _good = new(StringComparer.Ordinal);

        public void Failed(DateTimeOffset now, TimeSpan window, int max)
        {
            lock (_failures)
            {
                Expire(now, window);
                _failures.Enqueue(now);
                while (_failures.Count > max)
                {
                    _failures.Dequeue();
                }
            }
        }

        public void Succeeded(DateTimeOffset now, string hash)
        {
            lock (_failures)
            {
                if (_good.Count < MaxGoodPerAddress || _good.ContainsKey(hash))
                {
                    _good[hash] = now;
                }
            }
        }

        /// <summary>How long until the oldest failure leaves the window, when the address is at the limit.</summary>
        public TimeSpan? Blocked(DateTimeOffset now, TimeSpan window, int max)
        {
            lock (_failures)
            {
                Expire(now, window);
                return _failures.Count < max ? null : _failures.Peek() + window - now;
            }
        }

        public bool WorkedBefore(string hash)
        {
            lock (_failures)
            {
                return _good.ContainsKey(hash);
            }
        }

        public bool IsIdle(DateTimeOffset now, TimeSpan window)
        {
            lock (_failures)
            {
                Expire(now, window);
                return _failures.Count == 0 && _good.Count == 0;
            }
        }

        private void Expire(DateTimeOffset now, TimeSpan window)
        {
            while (_failures.Count > 0 && now - _failures.Peek() >= window)
            {
                _failures.Dequeue();
            }
            foreach (var stale in _good.Where(g => now - g.Value >= window).Select(g => g.Key).ToList())
            {
                _good.Remove(stale);
            }
        }
    }
}
