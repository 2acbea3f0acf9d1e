using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class PartitionedPagesTests
    {
        private static readonly string[] Partitions = { "a", "b", "c", "d" };

        private static PartitionStart<string>[] Starts(Page<string>? firstOfA = null) =>
            Partitions.Select(p => new PartitionStart<string>(p, prefetched: p == "a" ? firstOfA : null)).ToArray();

        // Each partition holds 5 pages of 3 items named partition:page:index.
        private static Task<Page<string>> FivePages(string? partition, string? token, CancellationToken cancellationToken)
        {
            var page = token is null ? 0 : int.Parse(token);
            var items = Enumerable.Range(0, 3).Select(i => $"{partition}:{page}:{i}").ToList();
            return Task.FromResult(new Page<string>(items, page < 4 ? (page + 1).ToString() : null));
        }

        private static async Task<List<string>> ReadAll(PartitionedPages<string> pages)
        {
            var all = new List<string>();
            while (await pages.NextAsync(default) is { } page)
            {
                all.AddRange(page.Items);
                Assert.All(page.Items, item => Assert.StartsWith(Partitions[page.Partition] + ":", item));
            }

            return all;
        }

        [Fact]
        public async Task EveryItemOfEveryPartitionComesExactlyOnceWithTheFirstPageReused()
        {
            var fetched = new ConcurrentBag<(string?, string?)>();
            var first = await FivePages("a", null, default);
            using var pages = new PartitionedPages<string>(Starts(first), 2, (p, t, c) => { fetched.Add((p, t)); return FivePages(p, t, c); }, default);

            var all = await ReadAll(pages);

            Assert.Equal(4 * 5 * 3, all.Count);
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.DoesNotContain(((string?)"a", (string?)null), fetched); // the probe's page is not asked for again
            Assert.Equal(4 * 5 - 1, fetched.Count);
        }

        [Fact]
        public async Task NoMoreThanTheConcurrencyAreInFlight()
        {
            var inFlight = 0;
            var most = 0;
            async Task<Page<string>> Slow(string? p, string? t, CancellationToken c)
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                await Task.Delay(5, c);
                Interlocked.Decrement(ref inFlight);
                return await FivePages(p, t, c);
            }

            using var pages = new PartitionedPages<string>(Starts(), 3, Slow, default);
            await ReadAll(pages);

            Assert.InRange(most, 1, 3);
        }

        [Fact]
        public async Task AReaderThatStopsReadingStopsTheRequests()
        {
            var fetches = 0;
            using (var pages = new PartitionedPages<string>(Starts(), 2, (p, t, c) => { Interlocked.Increment(ref fetches); return FivePages(p, t, c); }, default))
            {
                await pages.NextAsync(default);
                await Task.Delay(100);
                // The buffer (2 x concurrency pages) fills, each partition holds at most one page it cannot hand over, and then the requests wait.
                Assert.InRange(Volatile.Read(ref fetches), 1, (2 * 2) + 1 + Partitions.Length);
            }

            var afterDispose = Volatile.Read(ref fetches);
            await Task.Delay(100);
            Assert.Equal(afterDispose, Volatile.Read(ref fetches));
        }

        [Fact]
        public async Task TheFirstFailureStopsEveryPartitionAndReachesTheReader()
        {
            var failure = new TooManyRequestsException("Too many requests", HttpStatusCode.BadRequest, "r-1");
            Task<Page<string>> FailingC(string? p, string? t, CancellationToken c) =>
                p == "c" && t == "2" ? Task.FromException<Page<string>>(failure) : FivePages(p, t, c);
            using var pages = new PartitionedPages<string>(Starts(), 4, FailingC, default);

            var thrown = await Assert.ThrowsAsync<TooManyRequestsException>(() => ReadAll(pages));

            Assert.Same(failure, thrown);
        }

        [Fact]
        public async Task APartitionGoesOnFromTheTokenItWasGivenAndTellsTheTokenAfterEachPage()
        {
            var starts = new[] { new PartitionStart<string>("b", token: "3") };
            using var pages = new PartitionedPages<string>(starts, 1, FivePages, default);

            var third = await pages.NextAsync(default);
            var fourth = await pages.NextAsync(default);

            Assert.Equal(("b:3:0", "4"), (third!.Items[0], third.NextToken));
            Assert.Equal(("b:4:0", (string?)null), (fourth!.Items[0], fourth.NextToken));
            Assert.Null(await pages.NextAsync(default));
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
