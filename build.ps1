<#
.SYNOPSIS
    Builds, tests and demonstrates CognitoPs.
.DESCRIPTION
    Build  writes the importable module to out/CognitoPs.
    Test   builds, then runs the xUnit suite and the Pester suite (against cognito-local, our fake Cognito and the
           fault gateway, all started here on loopback and stopped afterwards); prints one "<suite>: N passed, N failed"
           line each.
    Demo   builds, starts cognito-local, creates a pool with a few users, runs the admin pipeline, stops the emulator.
    Bench  builds, runs the benchmarks (bench/Bench.ps1) and writes bench/results.md (about 7 minutes).
    Package  builds, then writes out/packages/CognitoPs.<version>.nupkg with PSResourceGet (Compress-PSResource).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
$ModuleOut = Join-Path $PSScriptRoot 'out/CognitoPs'
$ModuleVersion = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'CognitoPs.psd1')).ModuleVersion   # the one place it is set

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    Write-Host "Building CognitoPs ($Configuration)..."
    $bin = Join-Path $PSScriptRoot 'out/bin/CognitoPs'
    $loaderBin = Join-Path $PSScriptRoot 'out/bin/CognitoPs.Loader'
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $PSScriptRoot 'src/CognitoPs/CognitoPs.csproj') -c $Configuration -o $bin -p:Version=$ModuleVersion --nologo -v quiet -clp:NoSummary }
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $PSScriptRoot 'src/CognitoPs.Loader/CognitoPs.Loader.csproj') -c $Configuration -o $loaderBin -p:Version=$ModuleVersion --nologo -v quiet -clp:NoSummary }
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    # Layout: the manifest, the psm1 and the loader at the top (loaded by PowerShell itself); CognitoPs.dll and its
    # private dependencies in bin/, loaded only by the loader's AssemblyLoadContext.
    New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'bin') | Out-Null
    Copy-Item (Join-Path $bin '*.dll') (Join-Path $ModuleOut 'bin')
    Copy-Item (Join-Path $loaderBin 'CognitoPs.Loader.dll') $ModuleOut
    Copy-Item (Join-Path $PSScriptRoot 'CognitoPs.psd1') $ModuleOut
    Copy-Item (Join-Path $PSScriptRoot 'module/*') $ModuleOut -Recurse -Exclude '*.help-source.xml'
    Remove-Item (Join-Path $ModuleOut 'en-US/*.help-source.xml') -ErrorAction SilentlyContinue
    # Help: generated from the built cmdlets, their doc comments and the hand-written source, in a pwsh of its own.
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    Invoke-Native 'generating help' {
        & $pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'build/New-CognitoHelp.ps1') -ModuleManifest (Join-Path $ModuleOut 'CognitoPs.psd1') `
            -DocumentationFile (Join-Path $bin 'CognitoPs.xml') -SourceFile (Join-Path $PSScriptRoot 'module/en-US/CognitoPs.help-source.xml') `
            -OutputFile (Join-Path $ModuleOut 'en-US/CognitoPs.dll-Help.xml')
    }
    if (Get-ChildItem $ModuleOut -Recurse -Filter 'System.Management.Automation.dll') {
        throw 'PowerShellStandard.Library leaked into the module output; it must stay compile-only.'
    }
    Write-Host "Module written to $ModuleOut"
}

function Get-PesterModulePath {
    Invoke-Native 'restoring test tools' { dotnet restore (Join-Path $PSScriptRoot 'tests/tools/TestTools.csproj') --nologo -v quiet }
    Join-Path (Get-NuGetPackagesPath) 'pester/5.7.1/tools/Pester.psd1'
}

function Invoke-XunitSuite {
    $results = Join-Path $PSScriptRoot 'out/test-results'
    $trx = Join-Path $results 'xunit.trx'
    Remove-Item $trx -ErrorAction SilentlyContinue
    dotnet test (Join-Path $PSScriptRoot 'tests/CognitoPs.Tests/CognitoPs.Tests.csproj') -c $Configuration --nologo `
        --logger "trx;LogFileName=xunit.trx" --logger "console;verbosity=minimal" --results-directory $results | Out-Host
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }   # the build or the host failed
    $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Invoke-PesterSuite {
    Import-Module (Get-PesterModulePath) -Force
    $servers = @()
    try {
        $servers += ($emulator = Start-CognitoLocal)
        $servers += ($fake = Start-FakeCognito)
        $servers += ($gateway = Start-FaultGateway -Upstream $emulator.Url)
        $servers += ($fakeGateway = Start-FaultGateway -Upstream $fake.Url)
        $servers += ($sdk = Start-SdkProxy)
        $env:COGNITOPS_TEST_EMULATOR_URL = $emulator.Url
        $env:COGNITOPS_TEST_FAKE_URL = $fake.Url
        $env:COGNITOPS_TEST_GATEWAY_URL = $gateway.Url
        $env:COGNITOPS_TEST_FAKE_GATEWAY_URL = $fakeGateway.Url
        $env:COGNITOPS_TEST_SDK_URL = $sdk.Url
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $PSScriptRoot 'tests/pester'
        $config.Run.PassThru = $true
        $config.Output.RenderMode = 'Plaintext'
        $config.Output.Verbosity = 'Normal'
        $run = Invoke-Pester -Configuration $config
        [pscustomobject]@{ Passed = $run.PassedCount; Failed = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount }
    } finally {
        $servers | Stop-TestServer
        Remove-Item Env:COGNITOPS_TEST_EMULATOR_URL, Env:COGNITOPS_TEST_FAKE_URL, Env:COGNITOPS_TEST_GATEWAY_URL, Env:COGNITOPS_TEST_FAKE_GATEWAY_URL,
            Env:COGNITOPS_TEST_SDK_URL -ErrorAction SilentlyContinue
    }
}

function Invoke-Test {
    Invoke-Package   # builds, and writes the package Package.Tests.ps1 installs by name
    Install-TestEndpointPackages
    $env:AWS_EC2_METADATA_DISABLED = 'true'   # the credential chain must never probe instance metadata in tests
    $started = [Diagnostics.Stopwatch]::StartNew()
    $xunit = Invoke-XunitSuite
    $pester = Invoke-PesterSuite
    # CI reads these two lines; they must stand alone on their lines.
    Write-Host ''
    Write-Host ("xunit: {0} passed, {1} failed" -f $xunit.Passed, $xunit.Failed)
    Write-Host ("pester: {0} passed, {1} failed" -f $pester.Passed, $pester.Failed)
    Write-Host ("(tests took {0:0} s)" -f $started.Elapsed.TotalSeconds)
    if ($xunit.Failed -or $pester.Failed -or -not $xunit.Passed -or -not $pester.Passed) { exit 1 }
}

function Show-Step([string] $Text) { Write-Host "`n=== $Text" -ForegroundColor Cyan }

function Show-UserStates($Pool, [string[]] $Username) {
    $Username | ForEach-Object {
        $user = Invoke-CognitoApi -Url $Pool.Url -Operation AdminGetUser -Body @{ UserPoolId = $Pool.Id; Username = $_ }
        [pscustomobject]@{ Username = $user.Username; Status = $user.UserStatus }
    } | Format-Table | Out-Host
}

function Invoke-Demo {
    Invoke-Build
    Install-TestEndpointPackages
    $emulator = Start-CognitoLocal
    try {
        Show-Step "cognito-local is listening on $($emulator.Url); creating a pool with four users"
        $users = 'alice', 'bob', 'carol', 'dave'
        $pool = New-EmulatorPool -Url $emulator.Url -Name 'demo-helpdesk' -Username $users
        Show-UserStates $pool $users

        # What an admin's session would have: credentials and a region (the emulator checks neither).
        $env:AWS_ACCESS_KEY_ID = 'AKIDDEMO'; $env:AWS_SECRET_ACCESS_KEY = 'demo-secret'; $env:AWS_REGION = 'us-east-1'
        $env:AWS_EC2_METADATA_DISABLED = 'true'
        Import-Module (Join-Path $ModuleOut 'CognitoPs.psd1') -Force
        # An admin would type: $pw = Read-Host -AsSecureString 'New password'
        $pw = ConvertTo-SecureString ('Demo-' + [guid]::NewGuid().ToString('n').Substring(0, 10) + '!') -AsPlainText -Force

        Show-Step "Connect-CognitoUserPool $($pool.Id) -EndpointUrl $($emulator.Url)"
        Connect-CognitoUserPool $pool.Id -EndpointUrl $emulator.Url | Format-List | Out-Host

        Show-Step 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD'
        Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Out-Host

        Show-Step 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -WhatIf'
        Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -WhatIf

        Show-Step 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -PassThru'
        Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -PassThru | Out-Host

        Show-Step 'Import-Csv users.csv | Set-CognitoUserPassword -Password $pw -PassThru   (temporary: must change at next sign-in)'
        $csv = Join-Path ([IO.Path]::GetTempPath()) 'cognitops-demo-users.csv'
        'carol' | ForEach-Object { [pscustomobject]@{ Username = $_; UserPoolId = $pool.Id } } | Export-Csv $csv -NoTypeInformation
        Get-Content $csv | Out-Host
        Import-Csv $csv | Set-CognitoUserPassword -Password $pw -PassThru | Out-Host
        Remove-Item $csv

        Show-Step "'mallory','dave' | Set-CognitoUserPassword -Password `$pw -PassThru   (mallory does not exist; dave still goes through)"
        'mallory', 'dave' | Set-CognitoUserPassword -Password $pw -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Host
        $failed | ForEach-Object {
            [pscustomobject]@{ ErrorId = $_.FullyQualifiedErrorId; Category = $_.CategoryInfo.Category; Target = $_.TargetObject; Message = "$_" }
        } | Format-List | Out-Host

        Show-Step 'Import-Csv new-hires.csv | New-CognitoUser -EmailVerified -MessageAction Suppress   (onboarding)'
        $hires = Join-Path ([IO.Path]::GetTempPath()) 'cognitops-demo-new-hires.csv'
        @([pscustomobject]@{ Username = 'erin'; Email = 'erin@example.com'; GivenName = 'Erin'; FamilyName = 'Ng' }
          [pscustomobject]@{ Username = 'frank'; Email = 'frank@example.com'; GivenName = 'Frank'; FamilyName = 'Ito' }) | Export-Csv $hires -NoTypeInformation
        Get-Content $hires | Out-Host
        Import-Csv $hires | New-CognitoUser -EmailVerified -MessageAction Suppress | Out-Host
        Remove-Item $hires

        Show-Step "'frank','mallory' | Disable-CognitoUser -PassThru   (offboarding; mallory does not exist)"
        'frank', 'mallory' | Disable-CognitoUser -PassThru -ErrorAction Continue | Out-Host

        Show-Step "'frank' | Remove-CognitoUser -WhatIf, then -Force"
        'frank' | Remove-CognitoUser -WhatIf
        'frank' | Remove-CognitoUser -Force -PassThru | Out-Host

        Show-Step 'Get-CognitoUser   (the state after the run)'
        Get-CognitoUser | Out-Host
        Disconnect-CognitoUserPool

        Show-Step 'Final state, read back through the Cognito API'
        Show-UserStates $pool ($users + 'erin')
    } finally {
        $emulator | Stop-TestServer
        Write-Host 'Emulator stopped.'
    }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $PSScriptRoot 'out/packages'
    if (Test-Path $packages) { Remove-Item $packages -Recurse -Force }
    New-Item -ItemType Directory -Path $packages | Out-Null
    Test-ModuleManifest (Join-Path $ModuleOut 'CognitoPs.psd1') | Out-Null
    Compress-PSResource -Path $ModuleOut -DestinationPath $packages
    $package = Join-Path $packages "CognitoPs.$ModuleVersion.nupkg"
    if (-not (Test-Path $package)) { throw "Compress-PSResource wrote no $package." }
    Write-Host "Package written to $package"
}

function Invoke-Bench {
    Invoke-Build
    Install-TestEndpointPackages
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    & (Join-Path $PSScriptRoot 'bench/Bench.ps1') -ModuleManifest (Join-Path $ModuleOut 'CognitoPs.psd1') -PwshPath $pwsh
}

Import-Module (Join-Path $PSScriptRoot 'tests/TestServers.psm1') -Force
switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
}
