using System;

namespace CognitoPs.Client
{
    /// <summary>
    /// Which failures are worth another attempt and how long to wait: exponential backoff with full jitter
    /// (AWS's recommended scheme), bounded by <see cref="MaxRetries"/>.
    /// </summary>
    internal sealed class CognitoRetryPolicy
    {
        private readonly Random _random = new Random();

        public int MaxRetries { get; set; } = 3;

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

        public static CognitoRetryPolicy None => new CognitoRetryPolicy { MaxRetries = 0 };

        public bool ShouldRetry(Exception failure, int attempt) => attempt <= MaxRetries && IsTransient(failure);

        public static bool IsTransient(Exception failure) => failure switch
        {
            TooManyRequestsException _ => true,
            InternalErrorException _ => true,
            CognitoServiceException service => service.ErrorCode == "ThrottlingException" || (int)service.StatusCode >= 500,
            CognitoConnectionException _ => true,
            CognitoTimeoutException _ => true,
            _ => false,
        };

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
