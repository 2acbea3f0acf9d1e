using System;
using System.Collections.Generic;
using System.Linq;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>The one way commands list a pool's users: page after page, or by sub partitions side by side.</summary>
    public abstract partial class CognitoPoolCmdlet
    {
        /// <summary>A sub is a lowercase UUID: its first hex digit splits every pool into 16 disjoint partitions that cover it.</summary>
        private static readonly string[] SubPartitions = "0123456789abcdef".Select(digit => UserQuery.Filter("sub", "^=", digit.ToString())).ToArray();

        /// <summary>
        /// Streams the users of <paramref name="pool"/> that match <paramref name="serverFilter"/> and <paramref name="keep"/>
        /// to <paramref name="write"/> (pipeline thread), until <paramref name="paging"/> has enough. With
        /// <paramref name="concurrency"/> above 1, no server filter and no -First, the pool is read as 16 sub-prefix
        /// partitions, users in no promised order (<see cref="WholePoolPartitions"/>). Returns true when the listing ran to its end.
        /// </summary>
        /// <param name="morePages">Called once it is known whether more than one page is coming (for progress estimates).</param>
        private protected bool ListUsers(PoolTarget pool, string? serverFilter, int concurrency, PagingCounter paging,
            Func<UserRecord, bool>? keep, Action<UserRecord> write, Action<bool> morePages)
        {
            var partitions = concurrency > 1 && serverFilter is null && paging.Unbounded ? WholePoolPartitions(pool) : null;
            if (partitions is null || partitions.Count == 1)
            {
                var told = false;
                return WritePages((token, size) => pool.Client.ListUsersAsync(pool.UserPoolId, serverFilter, size, token, StopToken), write, paging, keep,
                    token =>
                    {
                        if (!told)
                        {
                            told = true;
                            morePages(token != null);
                        }
                    });
            }

            morePages(true);
            return ReadUserPages(pool, partitions, concurrency, page =>
            {
                foreach (var user in page.Items)
                {
                    if (keep is null || keep(user))
                    {
                        paging.Offer(() => write(user));
                    }
                }

                return paging.WantsMore;
            });
        }

        /// <summary>
        /// Where a whole-pool listing starts: the 16 sub-prefix partitions, the first already probed (its page handed
        /// over as read); or, where the endpoint refuses a sub prefix filter, one plain listing, with a warning.
        /// </summary>
        private protected IReadOnlyList<PartitionStart<UserRecord>> WholePoolPartitions(PoolTarget pool)
        {
            Page<UserRecord> probe;
            try
            {
                probe = Await(pool.Client.ListUsersAsync(pool.UserPoolId, SubPartitions[0], PagingCounter.MaxPageSize, null, StopToken));
            }
            catch (InvalidParameterException ex)
            {
                WriteWarning($"{pool.Client.Endpoint.Host} refuses the filter {SubPartitions[0]} ({ex.Message}), so user pool '{pool.UserPoolId}' is listed one page at a time.");
                return new[] { new PartitionStart<UserRecord>(null) };
            }

            WriteVerbose($"Listing user pool '{pool.UserPoolId}' as {SubPartitions.Length} sub partitions side by side.");
            return SubPartitions.Select((filter, i) => new PartitionStart<UserRecord>(filter, prefetched: i == 0 ? probe : null)).ToList();
        }

        /// <summary>
        /// Reads the partitions, up to <paramref name="concurrency"/> requests in flight, and hands each page to
        /// <paramref name="onPage"/> on the pipeline thread until it returns false. Returns true when every partition ran to its end.
        /// </summary>
        private protected bool ReadUserPages(PoolTarget pool, IReadOnlyList<PartitionStart<UserRecord>> partitions, int concurrency,
            Func<PartitionPage<UserRecord>, bool> onPage)
        {
            using var pages = new PartitionedPages<UserRecord>(partitions, concurrency,
                (filter, token, cancellation) => pool.Client.ListUsersAsync(pool.UserPoolId, filter, PagingCounter.MaxPageSize, token, cancellation), StopToken);
            while (Await(pages.NextAsync(StopToken)) is { } page)
            {
                if (!onPage(page))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
