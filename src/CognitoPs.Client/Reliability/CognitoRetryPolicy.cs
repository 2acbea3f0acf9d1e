using System;

namespace CognitoPs.Client
{
    /// <summary>
    /// Which failures are worth another attempt and how long to wait: exponential backoff with full jitter
    /// (AWS's recommended scheme), bounded by <see cref="MaxRetries"/>. An operation that must not run twice is
    /// retried only after a failure that proves the service did not process it.
    /// </summary>
    internal sealed class CognitoRetryPolicy
    {
        private readonly Random _random = new Random();

        public int MaxRetries { get; set; } = 3;

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

        public static CognitoRetryPolicy None => new CognitoRetryPolicy { MaxRetries = 0 };

        public bool ShouldRetry(Exception failure, int attempt, bool repeatable) =>
            attempt <= MaxRetries && (repeatable ? IsTransient(failure) : ProvesNothingWasProcessed(failure));

        public static bool IsTransient(Exception failure) => failure switch
        {
            CognitoConnectionException _ => true,
            CognitoTimeoutException _ => true,
            _ => IsThrottling(failure) || IsServerFault(failure),
        };

        /// <summary>Cognito's answer to a request over its quota: the request was refused, not processed.</summary>
        public static bool IsThrottling(Exception failure) =>
            failure is TooManyRequestsException || (failure is CognitoServiceException service && service.ErrorCode == "ThrottlingException");

        /// <summary>
        /// Throttling, or a connection that never opened. A timeout, a dropped connection or a server fault after the
        /// request went out says nothing about whether it was carried out.
        /// </summary>
        public static bool ProvesNothingWasProcessed(Exception failure) =>
            IsThrottling(failure) || (failure is CognitoConnectionException connection && !connection.RequestSent);

        /// <summary>A transient failure that does not prove the request was refused: its outcome is unknown.</summary>
        public static bool LeavesOutcomeUnknown(Exception failure) => IsTransient(failure) && !ProvesNothingWasProcessed(failure);

        // An endpoint that does not implement the operation says so for good, whatever its status: not worth a retry.
        private static bool IsServerFault(Exception failure) =>
            failure is CognitoServiceException service && !service.MeansUnknownOperation && (failure is InternalErrorException || (int)service.StatusCode >= 500);

        /// <summary>Full jitter: a random wait in [0, min(max, base · 2^(attempt-1))].</summary>
        public TimeSpan DelayBefore(int retry)
        {
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
            double fraction;
            lock (_random)
            {
                fraction = _random.NextDouble();
            }

            return TimeSpan.FromMilliseconds(ceiling * fraction);
        }
    }
}
