using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>One request as the fake server saw it.</summary>
    internal sealed record CapturedRequest(string Method, string Path, string? ContentType, string? Target, string? Authorization, string? SecurityToken, string Body);
}
