using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Exports every user of a pool to a CSV, JSON or Cognito import file: one column per attribute of the pool, streamed, resumable.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    [CognitoOperations(nameof(CognitoOperation.DescribeUserPool), nameof(CognitoOperation.ListUsers),
        Occasional = new[] { nameof(CognitoOperation.GetCSVHeader), nameof(CognitoOperation.ListGroups), nameof(CognitoOperation.ListUsersInGroup) })]
    public sealed class ExportCognitoUserCommand : CognitoPoolCmdlet
    {
        private bool _exported;
        private bool _started;

        /// <summary>The file to write. It is written as &lt;Path&gt;.partial and renamed at the end; &lt;Path&gt;.checkpoint lets -Resume continue.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = "";

        /// <summary>Csv (default): Username, Status, Enabled, Created, Modified and one column per attribute; Json: an array of users; CognitoImport: exactly GetCSVHeader's columns, for Import-CognitoUser.</summary>
        [Parameter]
        public CognitoExportFormat Format { get; set; } = CognitoExportFormat.Csv;

        /// <summary>Adds each user's groups (a Groups column, names joined with ';'), from ListGroups and ListUsersInGroup per group: one listing per group, not one call per user.</summary>
        [Parameter]
        public SwitchParameter IncludeGroups { get; set; }

        /// <summary>Only these attribute columns, in this order (default: every attribute of the pool's schema, custom ones included).</summary>
        [Parameter]
        public string[]? Attribute { get; set; }

        /// <summary>Continues an interrupted export of the same pool, format and columns from its checkpoint: no row missing, none twice.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the finished file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>ListUsers requests in flight: above 1, the pool is read as 16 sub partitions side by side (rows in no promised order).</summary>
        [Parameter]
        [ValidateRange(1, CognitoUserActionCmdlet.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 8;

        protected override bool AdaptsToThrottling => ThrottleLimit > 1;

        protected override void ProcessRecord()
        {
            var userPoolId = CurrentPoolId;
            try
            {
                if (_exported)
                {
                    throw new InputValidationException("OnePoolPerExport", "Export-CognitoUser writes one pool to one file; pipe it one pool at a time.", userPoolId, terminating: false);
                }

                _exported = true;
                var pool = ResolveCurrentPool();
                var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (ShouldProcess($"user pool '{pool.UserPoolId}'", $"Export users ({Format}) to {file}"))
                {
                    var written = Export(pool, file);
                    if (PassThru)
                    {
                        WriteObject(new FileInfo(file));
                    }

                    WriteVerbose($"Exported {written} users of user pool '{pool.UserPoolId}' to {file}.");
                }
            }
            catch (CognitoException ex)
            {
                Failed(ex, userPoolId);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Failed(new UserFileException(ex.Message, ex), userPoolId);
            }
        }

        private void Failed(CognitoException failure, string? userPoolId)
        {
            var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (_started && File.Exists(ExportCheckpoint.PathFor(file)))
            {
                WriteWarning($"The export stopped; what was written is kept. Run the same command with -Resume to continue where it stopped.");
            }

            Report(failure, $"Cannot export the users of user pool '{userPoolId}'", null, userPoolId, PoolShared);
        }

        /// <returns>The number of users in the file.</returns>
        private long Export(PoolTarget pool, string file)
        {
            CheckTarget(file);
            var described = Await(pool.Client.DescribeUserPoolAsync(pool.UserPoolId, StopToken));
            var writer = RowWriter(pool, described.AttributeNames);
            var groups = IncludeGroups ? GroupsByUser(pool) : new Dictionary<string, List<string>>();
            var fingerprint = string.Join("|", pool.Client.Endpoint, pool.UserPoolId, Format, string.Join(",", writer.Attributes), IncludeGroups);
            var partial = ExportCheckpoint.PartialPathFor(file);
            var checkpoint = Resume ? ResumedCheckpoint(file, fingerprint) : NewCheckpoint(pool, fingerprint);
            var progress = new BulkProgress($"Exporting the users of user pool '{pool.UserPoolId}'", described.EstimatedNumberOfUsers, ProgressWanted);
            using (var output = new FileStream(partial, Resume ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.Read))
            {
                _started = true;
                if (Resume)
                {
                    output.SetLength(checkpoint.Length);
                    output.Seek(0, SeekOrigin.End);
                    WriteVerbose($"Resuming after {checkpoint.Rows} users ({checkpoint.Partitions.Count(p => !p.Done)} of {checkpoint.Partitions.Count} partitions to go).");
                }
                else
                {
                    output.Write(writer.Header());
                    Commit(output, checkpoint, file);
                }

                var open = checkpoint.Partitions.Where(p => !p.Done).ToList();
                var starts = open.Select(p => new PartitionStart<UserRecord>(p.Filter, p.Token)).ToList();
                ReadUserPages(pool, starts, ThrottleLimit, page =>
                {
                    foreach (var user in page.Items)
                    {
                        output.Write(writer.Row(user, groups.TryGetValue(user.Username, out var names) ? names : (IReadOnlyList<string>)Array.Empty<string>(), checkpoint.Rows == 0));
                        checkpoint.Rows++;
                        progress.Success(this);
                    }

                    var state = open[page.Partition];
                    (state.Token, state.Done) = (page.NextToken, page.NextToken is null);
                    Commit(output, checkpoint, file);
                    return true;
                });

                output.Write(writer.End());
            }

            progress.Complete(this);
            File.Move(partial, file, overwrite: true);
            File.Delete(ExportCheckpoint.PathFor(file));
            return checkpoint.Rows;
        }

        /// <summary>An existing file needs -Force; -Resume needs what an interrupted export left.</summary>
        private void CheckTarget(string file)
        {
            if (!Directory.Exists(System.IO.Path.GetDirectoryName(file)))
            {
                throw new UserFileException($"The folder of '{file}' does not exist.");
            }

            if (File.Exists(file) && !Force)
            {
                throw new UserFileException($"'{file}' exists; use -Force to replace it.", exists: true);
            }

            if (Resume && (!File.Exists(ExportCheckpoint.PathFor(file)) || !File.Exists(ExportCheckpoint.PartialPathFor(file))))
            {
                throw new UserFileException($"There is no interrupted export to resume next to '{file}' (no {System.IO.Path.GetFileName(ExportCheckpoint.PathFor(file))}).");
            }
        }

        /// <summary>The columns: the pool's schema (or -Attribute, checked against it), or for CognitoImport GetCSVHeader's.</summary>
        private UserRowWriter RowWriter(PoolTarget pool, IReadOnlyList<string> schema)
        {
            if (Format == CognitoExportFormat.CognitoImport)
            {
                if (Attribute != null || IncludeGroups)
                {
                    throw new InputValidationException("ConflictingExportParameters",
                        "-Format CognitoImport writes exactly the columns Cognito's import takes: -Attribute and -IncludeGroups cannot be used with it.", null, terminating: true);
                }

                return UserRowWriter.For(Format, Await(pool.Client.GetCsvHeaderAsync(pool.UserPoolId, StopToken)), includeGroups: false);
            }

            if (Attribute is null)
            {
                return UserRowWriter.For(Format, schema, IncludeGroups);
            }

            var unknown = Attribute.Where(name => !schema.Contains(name, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                throw new InputValidationException("UnknownAttribute",
                    $"User pool '{pool.UserPoolId}' has no attribute {string.Join(", ", unknown.Select(n => $"'{n}'"))}; it has: {string.Join(", ", schema)}.", unknown[0], terminating: true);
            }

            return UserRowWriter.For(Format, Attribute.Distinct(StringComparer.Ordinal).ToList(), IncludeGroups);
        }

        /// <summary>Who is in which group: one ListUsersInGroup listing per group.</summary>
        private Dictionary<string, List<string>> GroupsByUser(PoolTarget pool)
        {
            var byUser = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var groups = Await(Pages.AllAsync(token => pool.Client.ListGroupsAsync(pool.UserPoolId, PagingCounter.MaxPageSize, token, StopToken)));
            foreach (var group in groups.OrderBy(g => g.GroupName, StringComparer.Ordinal))
            {
                var members = Await(Pages.AllAsync(token => pool.Client.ListUsersInGroupAsync(pool.UserPoolId, group.GroupName, PagingCounter.MaxPageSize, token, StopToken)));
                foreach (var member in members)
                {
                    if (!byUser.TryGetValue(member.Username, out var names))
                    {
                        byUser[member.Username] = names = new List<string>();
                    }

                    names.Add(group.GroupName);
                }
            }

            WriteVerbose($"Read the members of {groups.Count} groups.");
            return byUser;
        }

        private ExportCheckpoint NewCheckpoint(PoolTarget pool, string fingerprint) => new ExportCheckpoint
        {
            Fingerprint = fingerprint,
            Partitions = (ThrottleLimit > 1 ? WholePoolPartitions(pool).Select(p => p.Filter) : new string?[] { null })
                .Select(filter => new ExportCheckpoint.PartitionState { Filter = filter }).ToList(),
        };

        private static ExportCheckpoint ResumedCheckpoint(string file, string fingerprint)
        {
            var checkpoint = ExportCheckpoint.Load(file);
            if (checkpoint.Fingerprint != fingerprint)
            {
                throw new UserFileException($"The interrupted export next to '{file}' was of another pool, format or set of columns; run it again without -Resume (and with -Force).");
            }

            return checkpoint;
        }

        /// <summary>The rows so far are on disk before the checkpoint says so.</summary>
        private static void Commit(FileStream output, ExportCheckpoint checkpoint, string file)
        {
            output.Flush();
            checkpoint.Length = output.Length;
            checkpoint.Save(file);
        }
    }
}
