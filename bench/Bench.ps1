<#
.SYNOPSIS
    CognitoPs benchmarks B1-B12 (see README "Bulk operations"). Run by ./build.ps1 Bench after a build; prints a table
    and writes bench/results.md. Benchmarks are not tests: nothing here passes or fails on a number.
    -Benchmark runs only some (e.g. B6, B7) and then writes no results file: for comparing builds by hand.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $PwshPath,
    # A copy of the same pwsh with its own assemblies precompiled (ReadyToRun), as PowerShell's installers ship them
    # (the .NET tool ships IL only): B1 and B8 are measured on both. Made by ./build.ps1 Bench.
    [string] $PrecompiledPwshPath,
    [ValidateSet('B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12')] [string[]] $Benchmark = @('B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
$env:AWS_ACCESS_KEY_ID = 'AKIDCOGNITOPSTEST'; $env:AWS_SECRET_ACCESS_KEY = 'cognitops-test-secret'
$env:AWS_REGION = 'us-east-1'; $env:AWS_EC2_METADATA_DISABLED = 'true'
$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $Id, [string] $What, [string] $Result, [string] $Target, [string] $Limit) {
    $row = [pscustomobject]@{ Benchmark = $Id; What = $What; Result = $Result; Target = $Target; 'Limited by' = $Limit }
    $rows.Add($row); $row | Format-List | Out-Host
}
function Median([double[]] $Values) { $sorted = $Values | Sort-Object; $sorted[[int][math]::Floor($sorted.Count / 2)] }
function Seconds([scriptblock] $Block) { (Measure-Command $Block).TotalSeconds }
# A throwaway password for the benchmark pools; it never leaves this machine.
$password = ConvertTo-SecureString ('Bench-' + [guid]::NewGuid().ToString('n').Substring(0, 10) + '!') -AsPlainText -Force
Import-Module $ModuleManifest -Force

function Want([string] $Id) { $Benchmark -contains $Id }

# ---- Start-up references and conditions for B1 and B8 ----------------------------------------------------------
# Reference modules, measured the same way in the same run: bench/FloorModule, one cmdlet that answers without any I/O
# (what PowerShell costs any binary module), also with one format view; bench/SignedFloorModule, one cmdlet making one
# ListUsers call the way the mission requires (AWSSDK.Core's credential chain and SigV4 signer, HttpClient) and nothing else.
$moduleDir = Split-Path $ModuleManifest
$startUpDir = Join-Path ([IO.Path]::GetTempPath()) "cognitops-startup-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
$servers = @()
try {
    function Build-ReferenceModule([string] $Project, [string[]] $ManifestFiles) {
        $out = Join-Path $startUpDir $Project
        dotnet build (Join-Path $PSScriptRoot "$Project/$Project.csproj") -c Release --nologo -v quiet -o $out | Out-Null
        if ($LASTEXITCODE) { throw "building bench/$Project failed" }
        $ManifestFiles | ForEach-Object { Copy-Item (Join-Path $PSScriptRoot "$Project/$_") $out }
        $out
    }

    # The one-view reference with as many trivial cmdlets as ours, generated here: what PowerShell charges per cmdlet at import
    # (a CmdletInfo and a session-state entry each), apart from anything a cmdlet does.
    function Build-ManyCmdletsModule([int] $Count) {
        $source = Join-Path $startUpDir 'ManyCmdletsSource'
        New-Item -ItemType Directory $source -Force | Out-Null
        Copy-Item (Join-Path $PSScriptRoot 'FloorModule/FloorModule.csproj') (Join-Path $source 'ManyCmdletsModule.csproj')
        $cmdlets = 0..($Count - 1) | ForEach-Object {
            "[Cmdlet(VerbsCommon.Get, ""Floor$($_)User"")] [OutputType(typeof(FloorUser))] public sealed class GetFloor$($_)UserCommand : PSCmdlet { [Parameter] public string? UserPoolId { get; set; } protected override void ProcessRecord() => WriteObject(new FloorUser()); }"
        }
        @('using System.Management.Automation;', 'namespace ManyCmdletsModule {') + $cmdlets + 'public sealed class FloorUser { public string Username { get; set; } = "user-000001"; } }' |
            Set-Content (Join-Path $source 'Cmdlets.cs')
        $out = Join-Path $startUpDir 'ManyCmdletsModule'
        dotnet build (Join-Path $source 'ManyCmdletsModule.csproj') -c Release --nologo -v quiet -o $out -p:AssemblyName=ManyCmdletsModule | Out-Null
        if ($LASTEXITCODE) { throw 'building the many-cmdlets reference module failed' }
        Copy-Item (Join-Path $PSScriptRoot 'FloorModule/FloorModule.Format.ps1xml') $out
        $names = (0..($Count - 1) | ForEach-Object { "'Get-Floor$($_)User'" }) -join ', '
        "@{ RootModule = 'ManyCmdletsModule.dll'; ModuleVersion = '1.0.0'; GUID = '3e8f2a61-5c7d-4b90-a1e4-7f6d2c9b8a15'; CmdletsToExport = @($names); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @(); FormatsToProcess = @('FloorModule.Format.ps1xml') }" |
            Set-Content (Join-Path $out 'ManyCmdletsModule.psd1')
        $out
    }

    # pwsh writes down the methods it JIT-compiled (StartupProfileData-* in its cache folder) and compiles that list ahead,
    # on a background thread, at its next start. With one shared folder every start replays the list its predecessor left,
    # so the kind of start that follows an import looks cheaper and the one that follows a bare start dearer (30 ms and more
    # here). So, as issue #19 measured, on Linux and macOS each kind of start (a command on a pwsh: the bare start, ours, each
    # reference) keeps a cache folder of its own, warmed by three starts that are not counted: every measured start is that
    # of a pwsh that has run the same command before, as an admin's does that imports the module in every session.
    $startCaches = @{}
    function Use-StartCache([string] $Pwsh, [string] $Command) {
        if ($IsWindows) { return }
        $key = "$Pwsh|$Command"
        if ($startCaches.ContainsKey($key)) { $env:XDG_CACHE_HOME = $startCaches[$key]; return }
        $env:XDG_CACHE_HOME = $startCaches[$key] = Join-Path $startUpDir "cache-$($startCaches.Count)"
        foreach ($i in 1..3) { & $Pwsh -NoProfile -NonInteractive -Command $Command | Out-Null }
    }
    # One start of $Pwsh running $Command (with that kind's cache folder): its seconds and what it printed.
    function Start-Printing([string] $Pwsh, [string] $Command) {
        $savedCacheHome = $env:XDG_CACHE_HOME
        try {
            Use-StartCache $Pwsh $Command
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $printed = & $Pwsh -NoProfile -NonInteractive -Command $Command
            $watch.Stop()
        } finally { $env:XDG_CACHE_HOME = $savedCacheHome }
        [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Printed = "$printed" }
    }
    # Seconds for one start of $Pwsh running $Command; throws unless it prints $Expect.
    function Start-Seconds([string] $Pwsh, [string] $Command, [string] $Expect = '') {
        $run = Start-Printing $Pwsh $Command
        if ($run.Printed -ne $Expect) { throw "'$Command' printed '$($run.Printed)', not '$Expect'" }
        $run.Seconds
    }
    function New-Samples { , [System.Collections.Generic.List[double]]::new() } # the comma: an empty list, not nothing
    # Rounds of B1 and B8 starts: with fewer, the medians of this shared 2-core machine moved 10-20 ms between runs.
    $startRounds = 30
    function OverBare($Samples, $Bare) { ((Median $Samples) - (Median $Bare)) * 1000 }
    # Milliseconds over a reference: the median of the differences within each round, so drift in the machine's load from
    # round to round (tens of ms on this shared 2-core machine) cancels out.
    function OverReference($Samples, $Reference) { (Median @(0..($Samples.Count - 1) | ForEach-Object { $Samples[$_] - $Reference[$_] })) * 1000 }
    $startUpPwsh = [ordered]@{ '' = @{ Path = $PwshPath; Name = 'the pwsh .NET tool' } }
    if ($PrecompiledPwshPath) { $startUpPwsh['p'] = @{ Path = $PrecompiledPwshPath; Name = 'the same pwsh precompiled' } }
    if ((Want 'B1') -or (Want 'B8')) {
        $floorDir = Build-ReferenceModule 'FloorModule' @('FloorModule.psd1', 'FloorModuleWithView.psd1', 'FloorModule.Format.ps1xml')
        $signedFloorDir = Build-ReferenceModule 'SignedFloorModule' @('SignedFloorModule.psd1', 'SignedFloorModuleWithView.psd1', 'SignedFloorModule.Format.ps1xml')
        $manyCmdletsDir = Build-ManyCmdletsModule (@((Import-PowerShellDataFile $ModuleManifest).CmdletsToExport).Count)
        # With the precompiled copies of its dependencies that our build made for this platform (when it made them), so the
        # reference is the best a minimal module can do, as ours is precompiled too.
        Get-ChildItem (Join-Path $moduleDir 'bin') -Directory -Filter "net$([Environment]::Version.Major).0-*" | Get-ChildItem -Filter '*.dll' |
            Where-Object { Test-Path (Join-Path $signedFloorDir $_.Name) } | Copy-Item -Destination $signedFloorDir
    }

    # ---- B1: import cost --------------------------------------------------------------------------------------------
    if (Want 'B1') {
    foreach ($kind in $startUpPwsh.Keys) {
        $pwsh = $startUpPwsh[$kind].Path
        Write-Host "B1$($kind): import ($startRounds x 5 starts of $($startUpPwsh[$kind].Name))..."
        $b1 = @{ Bare = New-Samples; Ours = New-Samples; Floor = New-Samples; FloorView = New-Samples; Many = New-Samples }
        # Every module by its manifest, as the references: an import by folder would add PowerShell's search for versions.
        foreach ($i in 1..$startRounds) {
            # Alternated, so drift in the machine's load affects all alike.
            $b1.Bare.Add((Start-Seconds $pwsh '1' '1'))
            $b1.Ours.Add((Start-Seconds $pwsh "Import-Module '$ModuleManifest'"))
            $b1.Floor.Add((Start-Seconds $pwsh "Import-Module '$(Join-Path $floorDir 'FloorModule.psd1')'"))
            $b1.FloorView.Add((Start-Seconds $pwsh "Import-Module '$(Join-Path $floorDir 'FloorModuleWithView.psd1')'"))
            $b1.Many.Add((Start-Seconds $pwsh "Import-Module '$(Join-Path $manyCmdletsDir 'ManyCmdletsModule.psd1')'"))
        }
        $shape = Import-PowerShellDataFile $ModuleManifest
        $views = ([xml](Get-Content (Join-Path $moduleDir $shape.FormatsToProcess[0]) -Raw)).Configuration.ViewDefinitions.View.Count
        Add-Row "B1$kind" "Import-Module on $($startUpPwsh[$kind].Name): median of $startRounds starts minus median of $startRounds bare starts; the excess is the median of each round's difference" `
            ('{0:0} ms, {4:+0;-0;0} ms over the one-cmdlet module with one format view ({2:0} ms; without the view {1:0} ms; the same with {6} trivial cmdlets {5:0} ms, {7:+0;-0;0} ms; bare start {3:0} ms)' -f (OverBare $b1.Ours $b1.Bare), (OverBare $b1.Floor $b1.Bare), (OverBare $b1.FloorView $b1.Bare), ((Median $b1.Bare) * 1000), (OverReference $b1.Ours $b1.FloorView), (OverBare $b1.Many $b1.Bare), @($shape.CmdletsToExport).Count, (OverReference $b1.Many $b1.FloorView)) `
            '<= the one-view reference + 20 ms' "PowerShell's own module-import and format-loading code (JIT-compiled on the .NET tool): see the reference modules; then a CmdletInfo for each of our $(@($shape.CmdletsToExport).Count) cmdlets and our $views views"
    }
    }

    $emulator = Start-CognitoLocal
    $fake = Start-FakeCognito
    $servers += @($emulator, $fake)
    # ---- B2: serial pipeline vs the AWS JS SDK, 2,000 users in cognito-local ------------------------------------
    if (Want 'B2') {
    Write-Host 'B2: creating 2,000 users in cognito-local...'
    $names = 1..2000 | ForEach-Object { 'bench-{0:0000}' -f $_ }
    $pool = New-EmulatorPool -Url $emulator.Url -Name 'bench' -Username $names
    Write-Host 'B2: Get-CognitoUser | Set-CognitoUserPassword -Permanent...'
    $ours = Seconds { Get-CognitoUser -UserPoolId $pool.Id -EndpointUrl $emulator.Url | Set-CognitoUserPassword -Password $password -Permanent }
    $usersFile = Join-Path $emulator.Directory 'users.txt'; $passwordFile = Join-Path $emulator.Directory 'pw.txt'
    $names | Set-Content $usersFile
    [System.Net.NetworkCredential]::new('', $password).Password | Set-Content $passwordFile   # for the JS SDK, which takes a string
    Write-Host 'B2: the AWS JS SDK, same 2,000 calls...'
    $env:ENDPOINT = $emulator.Url; $env:POOL = $pool.Id; $env:USERS_FILE = $usersFile; $env:PASSWORD_FILE = $passwordFile
    $env:AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
    $js = (& node (Join-Path $PSScriptRoot 'js-sdk-set-passwords.js') | ConvertFrom-Json).seconds
    Remove-Item $passwordFile
    Add-Row 'B2' '2,000 users, serial: Get-CognitoUser | Set-CognitoUserPassword vs AWS JS SDK v3 AdminSetUserPassword loop' `
        ('{0:0.0}/s vs {1:0.0}/s, ratio {2:0.00}' -f (2000 / $ours), (2000 / $js), ($js / $ours)) 'ratio >= 1.0' 'cognito-local (rewrites its whole 2,000-user pool file on every write)'
    }

    # ---- B3: latency-bound: the gateway adds 50 ms per call, in front of the instant fake ------------------------
    $gateway = Start-FaultGateway -Upstream $fake.Url
    $servers += $gateway
    function FaultCount($Stats, [string] $Fault) { $count = $Stats.faults.PSObject.Properties[$Fault]; if ($count) { [int]$count.Value } else { 0 } }
    function Set-Faults([string] $RulesJson) {
        Invoke-RestMethod -Method Post -Uri "$($gateway.Url)/__reset" | Out-Null
        Invoke-RestMethod -Method Post -Uri "$($gateway.Url)/__config" -ContentType 'application/json' -Body $RulesJson | Out-Null
    }
    $thousand = 1..1000 | ForEach-Object { 'lat-{0:0000}' -f $_ }
    if (Want 'B3') {
    Set-Faults '{"rules":[{"fault":"delay","delayMs":50}]}'
    $rates = @{}
    foreach ($limit in 1, 4, 16, 32) {
        Write-Host "B3: 1,000 users, -ThrottleLimit $limit..."
        $seconds = Seconds { $thousand | Set-CognitoUserPassword -UserPoolId eu-west-1_Bench1 -Password $password -ThrottleLimit $limit -EndpointUrl $gateway.Url }
        $rates[$limit] = 1000 / $seconds
    }
    Add-Row 'B3a' '1,000 users, 50 ms added per call: rate at -ThrottleLimit 1 / 4 / 16 / 32' `
        ('{0:0.0} / {1:0.0} / {2:0.0} / {3:0.0} per s; 16 = {4:0.0}x serial' -f $rates[1], $rates[4], $rates[16], $rates[32], ($rates[16] / $rates[1])) '16 >= 12x serial' 'the 50 ms latency (by design); at 32, the 2 cores shared by pwsh, the gateway (which checks every signature in JS) and the stand-in'
    Write-Host 'B3: 500 users at -MaxRequestsPerSecond 25 -ThrottleLimit 16...'
    # Timed here, not in Measure-Command: -ErrorVariable must land in this scope.
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $thousand[0..499] | Set-CognitoUserPassword -UserPoolId eu-west-1_Bench1 -Password $password -ThrottleLimit 16 -MaxRequestsPerSecond 25 -EndpointUrl $gateway.Url -ErrorVariable failures -ErrorAction SilentlyContinue
    $paced = 500 / $watch.Elapsed.TotalSeconds
    Add-Row 'B3b' '500 users, -MaxRequestsPerSecond 25 -ThrottleLimit 16 (50 ms per call)' `
        ('{0:0.00}/s ({1:+0.0;-0.0} % from 25), {2} error records' -f $paced, (($paced / 25 - 1) * 100), $failures.Count) 'within 5 % of 25, no errors' 'the limiter (by design)'
    # High caps on the fast stand-in (no gateway, answers at once): the cap, not the endpoint, must set the pace.
    $achieved = foreach ($asked in 400, 2000) {
        $count = $asked * 5   # about five seconds each
        Write-Host "B3: $count users at -MaxRequestsPerSecond $asked -ThrottleLimit 32 against the stand-in..."
        $watch = [Diagnostics.Stopwatch]::StartNew()
        1..$count | ForEach-Object { "cap-$_" } | Set-CognitoUserPassword -UserPoolId eu-west-1_Bench3 -Password $password -ThrottleLimit 32 `
            -MaxRequestsPerSecond $asked -EndpointUrl $fake.Url -ErrorVariable failures -ErrorAction SilentlyContinue
        [pscustomobject]@{ Asked = $asked; Rate = $count / $watch.Elapsed.TotalSeconds; Errors = $failures.Count }
    }
    Add-Row 'B3b' '-MaxRequestsPerSecond 400 and 2,000, -ThrottleLimit 32, the stand-in without added latency: achieved vs asked' `
        (($achieved | ForEach-Object { '{0:0.0}/s of {1} ({2:0.00} %, {3} errors)' -f $_.Rate, $_.Asked, (($_.Rate / $_.Asked - 1) * 100), $_.Errors }) -join '; ') `
        'within 2 % of each, no errors' 'the limiter; the stand-in answers about 3,000/s uncapped here'
    }

    # ---- B6: a few stalled requests must not hold up the rest ------------------------------------------------
    if (Want 'B6') {
    $stallRuns = @{}
    foreach ($case in @(@{ Name = 'clean'; Rules = '{"seed":6,"rules":[{"fault":"delay","delayMs":50}]}' },
                        @{ Name = 'stalls'; Rules = '{"seed":6,"rules":[{"fault":"stall","chance":0.01},{"fault":"delay","delayMs":50}]}' })) {
        Write-Host "B6: 1,000 users, 50 ms per call, -ThrottleLimit 16 -TimeoutSec 2 -MaxRetries 0 ($($case.Name))..."
        Set-Faults $case.Rules
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $thousand | Set-CognitoUserPassword -UserPoolId eu-west-1_Bench6 -Password $password -ThrottleLimit 16 -TimeoutSec 2 -MaxRetries 0 `
            -EndpointUrl $gateway.Url -ErrorVariable failures -ErrorAction SilentlyContinue
        $stallRuns[$case.Name] = [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Errors = $failures.Count; Stalls = FaultCount (Invoke-RestMethod "$($gateway.Url)/__stats") 'stall' }
    }
    Add-Row 'B6' '1,000 users, 50 ms per call, -ThrottleLimit 16 -TimeoutSec 2 -MaxRetries 0: clean vs 1 % of requests never answered' `
        ('{0:0.0} s vs {1:0.0} s ({2:0.00}x; {3} stalled requests, {4} RequestTimedOut records)' -f $stallRuns.clean.Seconds, $stallRuns.stalls.Seconds,
            ($stallRuns.stalls.Seconds / $stallRuns.clean.Seconds), $stallRuns.stalls.Stalls, $stallRuns.stalls.Errors) 'stalled <= 2x clean' 'each stalled request holds one of the 16 slots for its 2 s timeout'
    }

    # ---- B7: a quota hit at full concurrency: the adaptive send rate ------------------------------------------
    if (Want 'B7') {
    Write-Host 'B7: 500 users, -ThrottleLimit 16, no -MaxRequestsPerSecond, against a 25/s quota (50 ms per call)...'
    Set-Faults '{"rules":[{"operation":"AdminSetUserPassword","fault":"quota","perSecond":25},{"fault":"delay","delayMs":50}]}'
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $thousand[0..499] | Set-CognitoUserPassword -UserPoolId eu-west-1_Bench7 -Password $password -ThrottleLimit 16 -EndpointUrl $gateway.Url `
        -ErrorVariable failures -ErrorAction SilentlyContinue
    $quotaSeconds = $watch.Elapsed.TotalSeconds
    $quotaStats = Invoke-RestMethod "$($gateway.Url)/__stats"
    $throttled = FaultCount $quotaStats 'throttle'
    Add-Row 'B7' '500 users, -ThrottleLimit 16, no -MaxRequestsPerSecond, 25 requests/s quota at the gateway (50 ms per call)' `
        ('{0} error records, {1:0.0} users/s, {2:0.0} % of {3} requests throttled' -f $failures.Count, (500 / $quotaSeconds), (100 * $throttled / $quotaStats.requests), $quotaStats.requests) `
        '0 errors, >= 20 users/s, <= 15 % throttled' 'the quota (25/s); the adaptive rate runs at 70-100 % of it between throttles'
    }

    # ---- B8: the first result: a fresh pwsh, import, one Get-CognitoUser; next to the AWS JS SDK's cold start -----
    if (Want 'B8') {
    # Each module's start also times itself inside the process (Import-Module, then the first call), and prints those
    # milliseconds after the user name: steadier than whole starts on a shared machine, and it shows where the time goes.
    $firstUser = { param($Module, $Command)
        "`$watch = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$Module'; `$import = `$watch.Elapsed.TotalMilliseconds; `$watch.Restart(); " +
        "`$name = ($Command -UserPoolId eu-west-1_Paged5 -EndpointUrl $($fake.Url) -First 1).Username; ""`$name `$([int]`$import) `$([int]`$watch.Elapsed.TotalMilliseconds)""" }
    function Add-FirstResult($Samples, [string] $Pwsh, [string] $Module, [string] $Command) {
        $run = Start-Printing $Pwsh (& $firstUser $Module $Command)
        $name, $import, $first = $run.Printed -split ' '
        if ($name -ne 'user-000001') { throw "B8 ($Command): printed '$($run.Printed)'" }
        $Samples.Wall.Add($run.Seconds); $Samples.Import.Add([double]$import / 1000); $Samples.First.Add([double]$first / 1000)
    }
    function New-FirstResultSamples { @{ Wall = New-Samples; Import = New-Samples; First = New-Samples } }
    # Where the pipeline thread's time goes: what it spent JIT-compiling (ms, methods) during the import and during the
    # first call, by the runtime's own counters. In starts of their own (10 each, after the timed rounds): reading the
    # counters costs a start 5-12 ms of PowerShell's own type and method binding, which the timed starts must not carry.
    $jitSplit = { param($Module, $Command)
        "`$jit = [System.Runtime.JitInfo]; `$ms0 = `$jit::GetCompilationTime(`$true).TotalMilliseconds; `$n0 = `$jit::GetCompiledMethodCount(`$true); " +
        "Import-Module '$Module'; `$ms1 = `$jit::GetCompilationTime(`$true).TotalMilliseconds; `$n1 = `$jit::GetCompiledMethodCount(`$true); " +
        "`$name = ($Command -UserPoolId eu-west-1_Paged5 -EndpointUrl $($fake.Url) -First 1).Username; " +
        "`$ms2 = `$jit::GetCompilationTime(`$true).TotalMilliseconds; `$n2 = `$jit::GetCompiledMethodCount(`$true); " +
        """`$name `$([int](`$ms1 - `$ms0)) `$(`$n1 - `$n0) `$([int](`$ms2 - `$ms1)) `$(`$n2 - `$n1)""" }
    function Get-JitSplit([string] $Pwsh, [string] $Module, [string] $Command) {
        $split = @{ ImportMs = New-Samples; ImportMethods = New-Samples; FirstMs = New-Samples; FirstMethods = New-Samples }
        foreach ($i in 1..10) {
            $run = Start-Printing $Pwsh (& $jitSplit $Module $Command)
            $name, $importMs, $importMethods, $firstMs, $firstMethods = $run.Printed -split ' '
            if ($name -ne 'user-000001') { throw "B8 ($Command, JIT): printed '$($run.Printed)'" }
            $split.ImportMs.Add($importMs); $split.ImportMethods.Add($importMethods); $split.FirstMs.Add($firstMs); $split.FirstMethods.Add($firstMethods)
        }
        '{0:0} ms ({1:0} methods) + {2:0} ms ({3:0})' -f (Median $split.ImportMs), (Median $split.ImportMethods), (Median $split.FirstMs), (Median $split.FirstMethods)
    }
    $jsScript = Join-Path $PSScriptRoot 'js-sdk-first-call.js'
    $env:ENDPOINT = $fake.Url; $env:POOL = 'eu-west-1_Paged5'; $env:AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
    foreach ($kind in $startUpPwsh.Keys) {
        $pwsh = $startUpPwsh[$kind].Path
        Write-Host "B8$($kind): first result ($startRounds x 7 process starts; $($startUpPwsh[$kind].Name))..."
        $b8 = @{ Bare = New-Samples; Ours = New-FirstResultSamples; Node = New-Samples; Js = New-Samples; Floor = New-FirstResultSamples; Signed = New-FirstResultSamples; SignedView = New-FirstResultSamples }
        foreach ($i in 1..$startRounds) {
            # Alternated, so drift in the machine's load affects all alike.
            $b8.Bare.Add((Start-Seconds $pwsh '1' '1'))
            Add-FirstResult $b8.Ours $pwsh $ModuleManifest 'Get-CognitoUser'
            $b8.Node.Add((Seconds { & node -e '0' | Out-Null }))
            $b8.Js.Add((Seconds { $name = & node $jsScript; if ($name -ne 'user-000001') { throw "B8 (JS): got '$name'" } }))
            Add-FirstResult $b8.Floor $pwsh (Join-Path $floorDir 'FloorModule.psd1') 'Get-FloorUser'
            Add-FirstResult $b8.Signed $pwsh (Join-Path $signedFloorDir 'SignedFloorModule.psd1') 'Get-SignedFloorUser'
            Add-FirstResult $b8.SignedView $pwsh (Join-Path $signedFloorDir 'SignedFloorModuleWithView.psd1') 'Get-SignedFloorUser'
        }
        $inside = '; timed inside the process, import + first call: ours {0:0} + {1:0} ms, the signed module {2:0} + {3:0} ms ({4:+0;-0;0} ms)' -f
            ((Median $b8.Ours.Import) * 1000), ((Median $b8.Ours.First) * 1000), ((Median $b8.Signed.Import) * 1000), ((Median $b8.Signed.First) * 1000),
            (OverReference @(0..($startRounds - 1) | ForEach-Object { $b8.Ours.Import[$_] + $b8.Ours.First[$_] }) @(0..($startRounds - 1) | ForEach-Object { $b8.Signed.Import[$_] + $b8.Signed.First[$_] }))
        # Any module with a format view pays for it at import (PowerShell then rebuilds its whole format table): what is
        # left over the signed module with one view is the cost of ours alone.
        $withView = '; the signed module with one format view {0:0} ms ({1:+0;-0;0} ms over it without), ours {2:+0;-0;0} ms over that' -f
            (OverBare $b8.SignedView.Wall $b8.Bare), (OverReference $b8.SignedView.Wall $b8.Signed.Wall), (OverReference $b8.Ours.Wall $b8.SignedView.Wall)
        $jitOurs = Get-JitSplit $pwsh $ModuleManifest 'Get-CognitoUser'
        $jitSigned = Get-JitSplit $pwsh (Join-Path $signedFloorDir 'SignedFloorModule.psd1') 'Get-SignedFloorUser'
        $jitSignedView = Get-JitSplit $pwsh (Join-Path $signedFloorDir 'SignedFloorModuleWithView.psd1') 'Get-SignedFloorUser'
        $inside += "; JIT-compiling on the pipeline thread, import + first call: ours $jitOurs, the signed module $jitSigned, with its view $jitSignedView"
        Add-Row "B8$kind" "First result on $($startUpPwsh[$kind].Name): pwsh -c ""Import-Module; Get-CognitoUser -First 1"" minus a bare pwsh, vs node + the AWS JS SDK + the same ListUsers minus a bare node (medians of $startRounds; the excess is the median of each round's difference)" `
            (('{0:0} ms, {6:+0;-0;0} ms over the one-cmdlet module making one signed ListUsers call ({3:0} ms); vs the JS SDK {1:0} ms; without I/O {2:0} ms (bare pwsh {4:0} ms, bare node {5:0} ms)' -f (OverBare $b8.Ours.Wall $b8.Bare), (OverBare $b8.Js $b8.Node), (OverBare $b8.Floor.Wall $b8.Bare), (OverBare $b8.Signed.Wall $b8.Bare), ((Median $b8.Bare) * 1000), ((Median $b8.Node) * 1000), (OverReference $b8.Ours.Wall $b8.Signed.Wall)) + $withView + $inside) `
            '<= the signed reference + 40 ms' 'what any module pays for one signed call (the one-cmdlet module making it): PowerShell, the first HttpClient request, AWSSDK.Core''s first signature; above that, our import (a format file rebuilds PowerShell''s whole format table, about 25 ms here; the signed module has none), binding and our cmdlet code (precompiled where the build made a copy for the platform, as here)'
    }
    }

    # ---- B9: bulk group membership on the engine --------------------------------------------------------------
    if (Want 'B9') {
    Write-Host 'B9: 500 users into a group with Add-CognitoGroupMember -ThrottleLimit 8, 50 ms per call...'
    $members = 1..500 | ForEach-Object { 'mem-{0:000}' -f $_ }
    $seed = @{ pool = 'eu-west-1_Bench9'; users = @($members | ForEach-Object { @{ Username = $_ } }); groups = @(@{ GroupName = 'bench' }) } | ConvertTo-Json -Depth 5
    Invoke-RestMethod -Method Post -Uri "$($fake.Url)/__seed" -ContentType 'application/json' -Body $seed | Out-Null
    Set-Faults '{"rules":[{"fault":"delay","delayMs":50}]}'
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $members | Add-CognitoGroupMember -GroupName bench -UserPoolId eu-west-1_Bench9 -ThrottleLimit 8 -EndpointUrl $gateway.Url -ErrorVariable failures -ErrorAction SilentlyContinue
    $membershipSeconds = $watch.Elapsed.TotalSeconds
    $listed = @(Get-CognitoGroupMember bench -UserPoolId eu-west-1_Bench9 -EndpointUrl $fake.Url).Count
    Add-Row 'B9' '500 users, Add-CognitoGroupMember -ThrottleLimit 8, 50 ms per call (the stand-in behind the gateway)' `
        ('{0:0.0} s ({1:0} users/s), {2} error records, {3} members listed afterwards' -f $membershipSeconds, (500 / $membershipSeconds), $failures.Count, $listed) `
        'know it' 'latency: 8 in flight at 50 ms is at most 160/s'
    }

    # ---- B10: a whole-pool listing at the UserList quota: one page at a time vs 16 sub partitions ----------------
    if (Want 'B10') {
    # Twice: the stand-in's usual pages (the second of each listing empty, every fourth half full: about 49 users a page
    # over 16 partitions, so 30 pages/s carry at most ~1,470 users/s) and full pages, as Cognito mostly serves them.
    foreach ($pages in @(@{ Pool = 'eu-west-1_Paged20000'; Name = 'the stand-in''s empty and short pages' }, @{ Pool = 'eu-west-1_Paged20000_FullPages'; Name = 'full pages' })) {
        $b10 = foreach ($limit in 1, 16) {
            Write-Host "B10: Get-CognitoUser over 20,000 users ($($pages.Name)), -ThrottleLimit $limit, 100 ms a page, 30 ListUsers/s quota..."
            Set-Faults '{"rules":[{"operation":"ListUsers","fault":"quota","perSecond":30},{"operation":"ListUsers","fault":"delay","delayMs":100}]}'
            $failures = $null
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $listed = (Get-CognitoUser -UserPoolId $pages.Pool -EndpointUrl $gateway.Url -ThrottleLimit $limit -ErrorVariable failures -ErrorAction SilentlyContinue | Measure-Object).Count
            $seconds = $watch.Elapsed.TotalSeconds
            $listStats = Invoke-RestMethod "$($gateway.Url)/__stats"
            [pscustomobject]@{ Limit = $limit; Listed = $listed; Rate = $listed / $seconds; Errors = @($failures).Count
                Throttled = 100 * (FaultCount $listStats 'throttle') / $listStats.requests; Requests = $listStats.requests }
        }
        Add-Row 'B10' "Get-CognitoUser over 20,000 users, $($pages.Name) (the paging stand-in behind the gateway: 100 ms a page, 30 ListUsers/s quota): -ThrottleLimit 1 vs 16" `
            (($b10 | ForEach-Object { '-ThrottleLimit {0}: {1:0} users/s, {2} listed, {3} errors, {4:0.0} % of {5} requests throttled' -f $_.Limit, $_.Rate, $_.Listed, $_.Errors, $_.Throttled, $_.Requests }) -join '; ') `
            '>= 1,500 users/s at 16, 0 errors, <= 5 % throttled' 'serial: 100 ms a page (at most 600 users/s); 16 partitions: the quota (30 pages/s: 1,800 users/s with full pages)'
    }
    }

    # ---- B4: memory: 100,000 users streamed from the paging fake ---------------------------------------------
    if (Want 'B4') {
    Write-Host 'B4: Get-CognitoUser | Measure-Object over 100,000 users (child pwsh)...'
    $script = @"
Import-Module '$ModuleManifest'
`$null = Get-CognitoUser -UserPoolId eu-west-1_Paged100000 -EndpointUrl $($fake.Url) -First 120
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
`$me = Get-Process -Id `$PID; `$before = `$me.WorkingSet64
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$count = (Get-CognitoUser -UserPoolId eu-west-1_Paged100000 -EndpointUrl $($fake.Url) | Measure-Object).Count
`$me.Refresh()
@{ count = `$count; seconds = `$watch.Elapsed.TotalSeconds; before = `$before; peak = `$me.PeakWorkingSet64; after = `$me.WorkingSet64 } | ConvertTo-Json -Compress
"@
    $memory = & $PwshPath -NoProfile -NonInteractive -Command $script | ConvertFrom-Json
    $growthMb = [math]::Max(0, ($memory.peak - $memory.before) / 1MB)
    Add-Row 'B4' 'Get-CognitoUser | Measure-Object, 100,000 users (1,667 pages) from the paging stand-in' `
        ('{0:0.0} MB peak working-set growth ({1} users in {2:0.0} s, {3:0} users/s)' -f $growthMb, $memory.count, $memory.seconds, ($memory.count / $memory.seconds)) '<= 60 MB' 'our code: one page (at most 60 users) is held at a time; speed: the stand-in and the pwsh pipeline on 2 cores'
    }

    # ---- B11: exporting 100,000 users to CSV: time and memory (child pwsh) ----------------------------------------
    if (Want 'B11') {
    Write-Host 'B11: Export-CognitoUser of 100,000 users to CSV, -ThrottleLimit 8 (child pwsh)...'
    $exportFile = Join-Path ([IO.Path]::GetTempPath()) "cognitops-export-$([guid]::NewGuid().ToString('n').Substring(0, 8)).csv"
    $script = @"
Import-Module '$ModuleManifest'
`$null = Get-CognitoUser -UserPoolId eu-west-1_Paged100000 -EndpointUrl $($fake.Url) -First 120
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
`$me = Get-Process -Id `$PID; `$before = `$me.WorkingSet64
`$watch = [Diagnostics.Stopwatch]::StartNew()
Export-CognitoUser '$exportFile' -UserPoolId eu-west-1_Paged100000 -EndpointUrl $($fake.Url) -ThrottleLimit 8
`$seconds = `$watch.Elapsed.TotalSeconds
`$me.Refresh()
@{ rows = (Get-Content '$exportFile' | Measure-Object -Line).Lines - 1; bytes = (Get-Item '$exportFile').Length; seconds = `$seconds; before = `$before; peak = `$me.PeakWorkingSet64 } | ConvertTo-Json -Compress
"@
    $export = & $PwshPath -NoProfile -NonInteractive -Command $script | ConvertFrom-Json
    Remove-Item $exportFile -ErrorAction SilentlyContinue
    Add-Row 'B11' 'Export-CognitoUser to CSV, 100,000 users from the paging stand-in (no added latency), -ThrottleLimit 8' `
        ('{0} rows ({1:0.0} MB) in {2:0.0} s ({3:0} users/s), {4:0.0} MB peak working-set growth' -f $export.rows, ($export.bytes / 1MB), $export.seconds, ($export.rows / $export.seconds), [math]::Max(0, ($export.peak - $export.before) / 1MB)) `
        'memory flat in the pool''s size (B4-like)' 'the stand-in and row formatting; at Cognito''s UserList quota (30 pages/s) 100,000 users take at least 56 s'
    }

    # ---- B12: importing 10,000 users: check, upload, job (the stand-in processes jobs at its own pace) -----------
    if (Want 'B12') {
    Write-Host 'B12: Import-CognitoUser of 10,000 rows into the stand-in...'
    $importFile = Join-Path ([IO.Path]::GetTempPath()) "cognitops-import-$([guid]::NewGuid().ToString('n').Substring(0, 8)).csv"
    Invoke-RestMethod -Method Post -Uri "$($fake.Url)/__seed" -ContentType "application/json" -Body "{`"pool`":`"eu-west-1_Bench12`"}" | Out-Null
    Export-CognitoUser $importFile -UserPoolId eu-west-1_Paged10000 -EndpointUrl $fake.Url -Format CognitoImport -Force
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $job = Import-CognitoUser $importFile -UserPoolId eu-west-1_Bench12 -EndpointUrl $fake.Url -CloudWatchLogsRoleArn 'arn:aws:iam::123456789012:role/CognitoImport' -PollIntervalSec 1
    $importSeconds = $watch.Elapsed.TotalSeconds
    $checkWatch = [Diagnostics.Stopwatch]::StartNew()
    Import-CognitoUser $importFile -UserPoolId eu-west-1_Bench12 -EndpointUrl $fake.Url -CloudWatchLogsRoleArn 'arn:aws:iam::123456789012:role/CognitoImport' -WhatIf 6>$null | Out-Null
    $checkSeconds = $checkWatch.Elapsed.TotalSeconds
    Remove-Item $importFile -ErrorAction SilentlyContinue
    Add-Row 'B12' 'Import-CognitoUser, 10,000 rows (exported from the paging stand-in) into the stand-in: check, upload, job, polling every second' `
        ('{0:0.0} s in all, job {1} with {2} imported and {3} failed; checking the file alone (-WhatIf) {4:0.00} s' -f $importSeconds, $job.Status, $job.ImportedUsers, $job.FailedUsers, $checkSeconds) `
        'know it' 'the job itself (Cognito''s pace; the stand-in imports 500 rows every 20 ms) and the 1 s polling'
    }

    # ---- B5: client CPU per call versus a bare HttpClient to a trivial responder ------------------------------
    if (Want 'B5') {
    Write-Host 'B5: client CPU per call (5,000 calls each)...'
    $responderDir = Join-Path ([IO.Path]::GetTempPath()) "cognitops-responder-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory $responderDir | Out-Null
    $responder = Start-NodeServer -Name responder -Script (Join-Path $PSScriptRoot 'responder.js') -WorkingDirectory $responderDir
    $servers += $responder
    $project = Join-Path $PSScriptRoot 'ClientCost/ClientCost.csproj'
    dotnet build $project -c Release --nologo -v quiet -o (Join-Path $responderDir 'bin') | Out-Null
    if ($LASTEXITCODE) { throw 'building bench/ClientCost failed' }
    $cost = & dotnet (Join-Path $responderDir 'bin/ClientCost.dll') "$($responder.Url)/" 5000 | ConvertFrom-Json
    Add-Row 'B5' 'CPU per AdminSetUserPassword: CognitoClient vs bare HttpClient posting the same bytes (trivial local responder)' `
        ('{0:0} us vs {1:0} us per call ({2:0.00}x the floor)' -f $cost.oursCpuMicroseconds, $cost.floorCpuMicroseconds, ($cost.oursCpuMicroseconds / $cost.floorCpuMicroseconds)) 'know the gap' 'our code: per call it writes the body from the SecureString, hashes it, derives the SigV4 key and signs, and parses the reply (not profiled further)'
    }
} finally {
    $servers | Stop-TestServer
    Remove-Item $startUpDir -Recurse -Force -ErrorAction SilentlyContinue
}

$memoryGiB = [double]((Get-Content /proc/meminfo -TotalCount 1) -replace '\D', '') / 1MB
$machine = '{0}, {1} cores, {2:0} GiB; {3}; PowerShell {4}; node {5}' -f [System.Runtime.InteropServices.RuntimeInformation]::OSDescription,
    [Environment]::ProcessorCount, $memoryGiB, [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription, $PSVersionTable.PSVersion, (node --version)
$table = @('| Benchmark | What | Result | Target | Limited by |', '|---|---|---|---|---|') +
    ($rows | ForEach-Object { "| $($_.Benchmark) | $($_.What -replace '\|', '\|') | $($_.Result) | $($_.Target) | $($_.'Limited by') |" })
$markdown = @("# CognitoPs benchmark results", '', "Run $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC with ``./build.ps1 Bench`` on: $machine.", '') + $table
if (-not $PSBoundParameters.ContainsKey('Benchmark')) { $markdown | Set-Content (Join-Path $PSScriptRoot 'results.md') }
$rows | Format-Table -Wrap | Out-Host
