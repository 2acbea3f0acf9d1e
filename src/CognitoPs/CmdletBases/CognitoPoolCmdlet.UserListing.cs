using System;
using System.Linq;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>The one way a command lists a pool's users: page after page, or by sub partitions side by side.</summary>
    public abstract partial class CognitoPoolCmdlet
    {
        /// <summary>A sub is a lowercase UUID: its first hex digit splits every pool into 16 disjoint partitions that cover it.</summary>
        private static readonly string[] SubPartitions = "0123456789abcdef".Select(digit => UserQuery.Filter("sub", "^=", digit.ToString())).ToArray();

        /// <summary>
        /// Streams the users of <paramref name="pool"/> that match <paramref name="serverFilter"/> and <paramref name="keep"/>
        /// to <paramref name="write"/> (pipeline thread), until <paramref name="paging"/> has enough. With
        /// <paramref name="concurrency"/> above 1, no server filter and no -First, the pool is read as 16 sub-prefix
        /// partitions, that many requests in flight, users in no promised order; an endpoint that refuses the sub prefix
        /// filter gets one serial listing and a warning. Returns true when the listing ran to its end.
        /// </summary>
        /// <param name="morePages">Called once it is known whether more than one page is coming (for progress estimates).</param>
        private protected bool ListUsers(PoolTarget pool, string? serverFilter, int concurrency, PagingCounter paging,
            Func<UserRecord, bool>? keep, Action<UserRecord> write, Action<bool> morePages)
        {
            var client = pool.Client;
            var firstPartition = concurrency > 1 && serverFilter is null && paging.Unbounded ? ProbePartitions(pool) : null;
            if (firstPartition is null)
            {
                var toldMore = false;
                return WritePages((token, size) => client.ListUsersAsync(pool.UserPoolId, serverFilter, size, token, StopToken), write, paging, keep,
                    token =>
                    {
                        if (!toldMore)
                        {
                            toldMore = true;
                            morePages(token != null);
                        }
                    });
            }

            WriteVerbose($"Listing user pool '{pool.UserPoolId}' as {SubPartitions.Length} sub partitions, up to {concurrency} requests at a time.");
            morePages(true);
            using var pages = new PartitionedPages<UserRecord>(SubPartitions, concurrency,
                (partition, token, cancellation) => client.ListUsersAsync(pool.UserPoolId, partition, PagingCounter.MaxPageSize, token, cancellation), firstPartition, StopToken);
            while (paging.WantsMore)
            {
                var page = Await(pages.NextAsync(StopToken));
                if (page is null)
                {
                    return true;
                }

                foreach (var user in page)
                {
                    if (keep is null || keep(user))
                    {
                        paging.Offer(() => write(user));
                    }
                }
            }

            return false;
        }

        /// <summary>The first page of the first partition, or null when the endpoint refuses a sub prefix filter.</summary>
        private Page<UserRecord>? ProbePartitions(PoolTarget pool)
        {
            try
            {
                return Await(pool.Client.ListUsersAsync(pool.UserPoolId, SubPartitions[0], PagingCounter.MaxPageSize, null, StopToken));
            }
            catch (InvalidParameterException ex)
            {
                WriteWarning($"{pool.Client.Endpoint.Host} refuses the filter {SubPartitions[0]} ({ex.Message}), so user pool '{pool.UserPoolId}' is listed one page at a time.");
                return null;
            }
        }
    }
}
