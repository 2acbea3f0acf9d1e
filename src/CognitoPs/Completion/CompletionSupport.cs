using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>What the argument completers share: the connection they would use, and a listing that may not take long.</summary>
    internal static class CompletionSupport
    {
        public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(3);

        /// <summary>How long a listing serves later Tab presses before it is asked for again.</summary>
        public static readonly TimeSpan ListingLifetime = TimeSpan.FromMinutes(5);

        /// <summary>
        /// The candidates that start with the word typed (quotes ignored, case-insensitively), in their order. Completion is a
        /// convenience: no credentials, no network, no permission all mean an empty list (so PowerShell does not fall
        /// back to file names), never an exception.
        /// </summary>
        public static IEnumerable<CompletionResult> Offer(string wordToComplete, Func<IEnumerable<(string Value, string ToolTip)>> candidates, Func<string, string>? quote = null)
        {
            try
            {
                var word = wordToComplete.Trim('\'', '"');
                return candidates()
                    .Where(candidate => candidate.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    .Select(candidate => new CompletionResult(quote?.Invoke(candidate.Value) ?? candidate.Value, candidate.Value, CompletionResultType.ParameterValue, candidate.ToolTip))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        /// <summary>
        /// The connection of the command being typed, as the command itself would have it: its -Region, -EndpointUrl,
        /// -ProfileName and -Credential, else the session's.
        /// </summary>
        public static ConnectionOptions Settings(IDictionary bound, CognitoSessionDefaults? session) =>
            ConnectionSettings.Merge(Given(bound, "Region"), Given(bound, "EndpointUrl"), Given(bound, "ProfileName"), GivenCredential(bound), session);

        /// <summary>The cache key of a listing: what is listed, where, and as whom (a listing must not reach another identity).</summary>
        private static string Key(ConnectionOptions settings, string region, Uri endpoint, string what) =>
            string.Join("\n", region, endpoint, settings.IdentityKey(), what);

        /// <summary>
        /// A client that fails fast (no retries, a short timeout), with the session's credentials for this identity where
        /// it holds them. Completion asks nobody anything: a role that needs an MFA code, or a sign-in, offers nothing.
        /// </summary>
        /// <param name="kept">The session's credentials for this identity (looked up on the pipeline thread), if any.</param>
        private static CognitoClient Client(ConnectionOptions settings, CognitoCredentials? kept, string region, Uri endpoint)
        {
            var credentials = kept ?? settings.Credentials();
            credentials.ResolveFor(NobodyToAsk.Instance);
            return new CognitoClient(endpoint, region, credentials) { Retry = CognitoRetryPolicy.None, CallTimeout = TimeLimit };
        }

        /// <summary>
        /// A listing for the command being typed, as that command would ask (<see cref="Settings"/>), through a client that
        /// fails fast, kept as <see cref="CachedListing{T}"/> keeps it. <paramref name="what"/> names the listing in its key.
        /// </summary>
        public static IReadOnlyList<T> Listing<T>(IDictionary bound, string? userPoolId, string what, Func<CognitoClient, CancellationToken, Task<IReadOnlyList<T>>> list)
        {
            var settings = Settings(bound, CognitoSession.Current);
            var region = settings.ResolveRegion(userPoolId);
            var endpoint = settings.ResolveEndpointOverride() ?? CognitoClient.DefaultEndpoint(region);
            var kept = CognitoSession.KeptCredentials(settings.IdentityKey());
            return CachedListing(Key(settings, region, endpoint, what), () =>
            {
                var client = Client(settings, kept, region, endpoint);
                using var deadline = new CancellationTokenSource(TimeLimit);
                return list(client, deadline.Token).GetAwaiter().GetResult();
            });
        }

        /// <summary>
        /// A listing kept per runspace and key for <see cref="ListingLifetime"/> once it succeeded (see <see cref="ListWithin"/>).
        /// A failed or late listing gives nothing now and is tried again at the next Tab.
        /// </summary>
        public static IReadOnlyList<T> CachedListing<T>(string key, Func<IReadOnlyList<T>> list)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is null)
            {
                return Array.Empty<T>();
            }

            var cache = Caches<T>.Of(runspace);
            if (cache.TryGet(key, out var kept))
            {
                return kept;
            }

            var listed = ListWithin(list);
            if (listed is null)
            {
                return Array.Empty<T>();
            }

            cache.Keep(key, listed);
            return listed;
        }

        /// <summary>
        /// Runs the whole listing, credentials included (the default chain may probe slowly), within the time limit;
        /// past it, or on any failure, null.
        /// </summary>
        public static IReadOnlyList<T>? ListWithin<T>(Func<IReadOnlyList<T>> list)
        {
            var listing = Task.Run(list);
            try
            {
                return listing.Wait(TimeLimit) ? listing.Result : null;
            }
            catch (AggregateException)
            {
                return null;
            }
        }

        public static string? Given(IDictionary bound, string name) =>
            bound.Contains(name) && LanguagePrimitives.ConvertTo<string>(bound[name]) is { Length: > 0 } value ? value : null;

        private static AccessKeyCredential? GivenCredential(IDictionary bound)
        {
            try
            {
                return bound.Contains("Credential") ? CredentialInput.From(bound["Credential"]) : null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>Prompts for completion: nobody is asked anything while a Tab is pressed.</summary>
        private sealed class NobodyToAsk : ICredentialPrompts
        {
            public static readonly NobodyToAsk Instance = new NobodyToAsk();

            public bool CanSignIn => false;

            public string? MfaCode(string source, string mfaSerial) => null;

            public void ShowSignIn(string source, string verificationUri, string userCode)
            {
            }
        }

        private static class Caches<T>
        {
            private static readonly ConditionalWeakTable<Runspace, CompletionCache<T>> Tables = new ConditionalWeakTable<Runspace, CompletionCache<T>>();

            public static CompletionCache<T> Of(Runspace runspace) => Tables.GetValue(runspace, _ => new CompletionCache<T>(ListingLifetime, () => DateTime.UtcNow));
        }
    }
}
