using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace CognitoPs
{
    /// <summary>
    /// Successful listings for tab completion, each kept for <see cref="Lifetime"/>. Only successes are kept: after a
    /// timeout, expired credentials or a missing endpoint, the next Tab asks again.
    /// </summary>
    internal sealed class CompletionCache<T>
    {
        private readonly ConcurrentDictionary<string, (DateTime Listed, IReadOnlyList<T> Items)> _listings =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<T>)>(StringComparer.Ordinal);
        private readonly Func<DateTime> _now;

        /// <param name="now">The clock (UTC); tests move their own.</param>
        public CompletionCache(TimeSpan lifetime, Func<DateTime> now)
        {
            Lifetime = lifetime;
            _now = now;
        }

        public TimeSpan Lifetime { get; }

        /// <summary>The listing kept for <paramref name="key"/>, if it is younger than <see cref="Lifetime"/>.</summary>
        public bool TryGet(string key, out IReadOnlyList<T> items)
        {
            if (_listings.TryGetValue(key, out var kept) && _now() - kept.Listed < Lifetime)
            {
                items = kept.Items;
                return true;
            }

            items = Array.Empty<T>();
            return false;
        }

        public void Keep(string key, IReadOnlyList<T> items) => _listings[key] = (_now(), items);
    }
}
