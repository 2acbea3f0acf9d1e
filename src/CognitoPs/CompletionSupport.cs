using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>What the argument completers share: the connection they would use, and a listing that may not take long.</summary>
    internal static class CompletionSupport
    {
        public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(3);

        /// <summary>The connection of the command being typed: its -Region/-EndpointUrl/-ProfileName, else the session's.</summary>
        public static ConnectionOptions Settings(IDictionary bound, CognitoSessionDefaults? session) => new ConnectionOptions
        {
            Region = Given(bound, "Region"),
            DefaultRegion = session?.Region,
            EndpointUrl = Given(bound, "EndpointUrl") ?? session?.EndpointUrl,
            ProfileName = Given(bound, "ProfileName") ?? session?.ProfileName,
            Credential = session?.Credential,
        };

        /// <summary>A client that fails fast: no retries, a short timeout.</summary>
        public static CognitoClient Client(ConnectionOptions settings, string region, Uri endpoint) =>
            new CognitoClient(endpoint, region, settings.ResolveClientCredentials()) { Retry = CognitoRetryPolicy.None, CallTimeout = TimeLimit };

        /// <summary>
        /// A listing made once per runspace and key (see <see cref="ListWithin"/>). What it gave is kept, even nothing,
        /// so that a service that cannot be reached does not cost every Tab press the time limit again.
        /// </summary>
        public static IReadOnlyList<T> CachedListing<T>(string key, Func<IReadOnlyList<T>> list)
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace is null ? Array.Empty<T>() : ListingCache<T>.Of(runspace).GetOrAdd(key, _ => ListWithin(list));
        }

        /// <summary>
        /// Runs the whole listing, credentials included (the default chain may probe slowly), within the time limit;
        /// past it, or on any failure, nothing.
        /// </summary>
        public static IReadOnlyList<T> ListWithin<T>(Func<IReadOnlyList<T>> list)
        {
            var listing = Task.Run(list);
            try
            {
                return listing.Wait(TimeLimit) ? listing.Result : Array.Empty<T>();
            }
            catch (AggregateException)
            {
                return Array.Empty<T>();
            }
        }

        public static string? Given(IDictionary bound, string name) =>
            bound.Contains(name) && LanguagePrimitives.ConvertTo<string>(bound[name]) is { Length: > 0 } value ? value : null;

        private static class ListingCache<T>
        {
            private static readonly ConditionalWeakTable<Runspace, ConcurrentDictionary<string, IReadOnlyList<T>>> Tables =
                new ConditionalWeakTable<Runspace, ConcurrentDictionary<string, IReadOnlyList<T>>>();

            public static ConcurrentDictionary<string, IReadOnlyList<T>> Of(Runspace runspace) =>
                Tables.GetValue(runspace, _ => new ConcurrentDictionary<string, IReadOnlyList<T>>(StringComparer.Ordinal));
        }
    }
}
