<#
.SYNOPSIS
    Writes the module's MAML help (en-US/CognitoPs.dll-Help.xml) from what the code knows and the hand-written parts.
.DESCRIPTION
    Run by build.ps1, in a pwsh of its own, on the assembled module. The syntax of every parameter set and each
    parameter's type, position, pipeline binding, aliases, wildcard support and default come from the built cmdlets;
    each parameter's description from the C# doc comments (<summary> of the property, in CognitoPs.xml); inputs and
    outputs from the pipeline parameters and [OutputType]. Synopsis, description, examples and related links come from
    the hand-written source (module/en-US/CognitoPs.help-source.xml). The build fails when a cmdlet has no hand-written
    entry or example, or a parameter has no description. It also writes the ready IAM policies into the built about
    topic, from Get-CognitoIamPolicy itself.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $DocumentationFile,
    [Parameter(Mandatory)] [string] $SourceFile,
    [Parameter(Mandatory)] [string] $OutputFile,
    # The built about topic: each '<policy>' line below a 'PS> Get-CognitoIamPolicy ...' line becomes that command's output.
    [Parameter(Mandatory)] [string] $AboutFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
$Maml = 'http://schemas.microsoft.com/maml/2004/10'
$Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# Parameters PowerShell adds itself: described here once, not in every cmdlet's doc comments.
$Standard = @{
    WhatIf            = 'Shows what would happen (naming each target and its pool) without sending anything.'
    Confirm           = 'Asks for confirmation before each change.'
    First             = 'Writes at most this many objects; requests stop once they are written.'
    Skip              = 'Skips this many objects before writing.'
    IncludeTotalCount = 'Also writes the number of matching objects (exact when the listing ran to its end).'
}
$Skipped = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')

function Get-DocSummaries([string] $Path) {
    $summaries = @{}
    foreach ($member in ([xml](Get-Content $Path -Raw)).doc.members.member) {
        $summary = $member.SelectSingleNode('summary')
        if (-not $summary) { continue }
        foreach ($reference in @($summary.SelectNodes('.//see|.//paramref|.//typeparamref'))) {
            $cref = $reference.GetAttribute('cref')
            $name = if ($cref) { (($cref -replace '\(.*$', '') -split '[.:]')[-1] } else { $reference.GetAttribute('name') }
            $reference.ParentNode.ReplaceChild($summary.OwnerDocument.CreateTextNode($name), $reference) | Out-Null
        }
        $summaries[$member.name] = (($summary.InnerText -replace '\s+', ' ').Trim())
    }
    $summaries
}

function Get-Description($Summaries, [type] $Type, [string] $Name) {
    if ($Standard.ContainsKey($Name)) { return $Standard[$Name] }
    $property = $Type.GetProperty($Name)
    if (-not $property) { return $null }
    $Summaries["P:$($property.DeclaringType.FullName).$Name"]
}

function Get-DefaultValue([object] $Instance, [string] $Name) {
    $property = $Instance.GetType().GetProperty($Name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue($Instance)
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return "$($value.IsPresent)" }
    if ($value -is [array]) { return $(if ($value.Count) { $value -join ', ' } else { 'None' }) }
    "$value"
}

function Get-PipelineInput($Parameter) {
    $kinds = @()
    if ($Parameter.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipeline })) { $kinds += 'ByValue' }
    if ($Parameter.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName })) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Get-Position($Parameter) {
    $positions = @($Parameter.ParameterSets.Values | Where-Object Position -GE 0 | ForEach-Object Position | Select-Object -Unique)
    if ($positions.Count) { "$($positions[0])" } else { 'named' }
}

function Get-TypeName([type] $Type) {
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return $underlying.Name }
    $Type.Name
}

$summaries = Get-DocSummaries $DocumentationFile
$source = @{}
foreach ($entry in ([xml](Get-Content $SourceFile -Raw)).helpItems.command) { $source[$entry.details.name] = $entry }
Import-Module $ModuleManifest
$cmdlets = Get-Command -Module CognitoPs -CommandType Cmdlet | Sort-Object Name
$problems = [System.Collections.Generic.List[string]]::new()

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputFile, $settings)
$writer.WriteStartDocument()
$writer.WriteComment(' Generated by build/New-CognitoHelp.ps1 from the cmdlets, their C# doc comments and module/en-US/CognitoPs.help-source.xml. ')
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
function Para([string] $Text) { $writer.WriteElementString('para', $Maml, $Text) }
function Description([string[]] $Paragraphs) {
    $writer.WriteStartElement('description', $Maml)
    foreach ($text in $Paragraphs) { Para $text }
    $writer.WriteEndElement()
}

# The IAM actions a cmdlet may send, from the [CognitoOperations] declaration Get-CognitoIamPolicy reads too.
function Get-IamParagraph([type] $Type) {
    $declared = @($Type.GetCustomAttributes($false) | Where-Object { $_.GetType().Name -eq 'CognitoOperationsAttribute' })
    if (-not $declared) { return 'IAM actions: none (this cmdlet sends no Cognito requests).' }
    $always = ($declared[0].Operations | ForEach-Object { "cognito-idp:$_" }) -join ', '
    $sometimes = ($declared[0].Occasional | ForEach-Object { "cognito-idp:$_" }) -join ', '
    "IAM actions: $always" + $(if ($sometimes) { "; in some cases also $sometimes" }) + ". Get-CognitoIamPolicy writes the policy for any set of cmdlets."
}

foreach ($cmdlet in $cmdlets) {
    $entry = $source[$cmdlet.Name]
    if (-not $entry) { $problems.Add("$($cmdlet.Name): no entry in $SourceFile"); continue }
    $type = $cmdlet.ImplementingType
    $instance = [Activator]::CreateInstance($type)
    $parameters = @($cmdlet.Parameters.Values | Where-Object { $Skipped -notcontains $_.Name } | Sort-Object { $position = Get-Position $_; if ($position -eq 'named') { 99 } else { [int]$position } }, Name)

    $writer.WriteStartElement('command', 'command', $Command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $Maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $Dev)
    $writer.WriteStartElement('details', $Command)
    $writer.WriteElementString('name', $Command, $cmdlet.Name)
    $writer.WriteElementString('verb', $Command, $cmdlet.Verb)
    $writer.WriteElementString('noun', $Command, $cmdlet.Noun)
    Description @($entry.details.description.para)
    $writer.WriteEndElement()
    Description (@($entry.description.para) + (Get-IamParagraph $type))

    $writer.WriteStartElement('syntax', $Command)
    foreach ($set in $cmdlet.ParameterSets) {
        $writer.WriteStartElement('syntaxItem', $Command)
        $writer.WriteElementString('name', $Maml, $cmdlet.Name)
        $inSet = @($set.Parameters | Where-Object { $Skipped -notcontains $_.Name } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 99 } }, { -not $_.IsMandatory }, Name)
        foreach ($parameter in $inSet) {
            $writer.WriteStartElement('parameter', $Command)
            $writer.WriteAttributeString('required', "$($parameter.IsMandatory)".ToLowerInvariant())
            $writer.WriteAttributeString('position', $(if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }))
            $writer.WriteElementString('name', $Maml, $parameter.Name)
            if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $writer.WriteElementString('parameterValue', $Command, (Get-TypeName $parameter.ParameterType))
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('parameters', $Command)
    foreach ($parameter in $parameters) {
        $description = Get-Description $summaries $type $parameter.Name
        if (-not $description) { $problems.Add("$($cmdlet.Name) -$($parameter.Name): no description (a <summary> on the property)") }
        $writer.WriteStartElement('parameter', $Command)
        $writer.WriteAttributeString('required', "$(@($parameter.ParameterSets.Values | Where-Object IsMandatory).Count -gt 0)".ToLowerInvariant())
        $writer.WriteAttributeString('globbing', "$([bool]($parameter.Attributes | Where-Object { $_ -is [SupportsWildcards] }))".ToLowerInvariant())
        $writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $parameter))
        $writer.WriteAttributeString('position', (Get-Position $parameter))
        $writer.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
        $writer.WriteElementString('name', $Maml, $parameter.Name)
        Description @("$description")
        $writer.WriteElementString('parameterValue', $Command, (Get-TypeName $parameter.ParameterType))
        $writer.WriteStartElement('type', $Dev)
        $writer.WriteElementString('name', $Maml, $parameter.ParameterType.FullName)
        $writer.WriteEndElement()
        $writer.WriteElementString('defaultValue', $Dev, (Get-DefaultValue $instance $parameter.Name))
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('inputTypes', $Command)
    $byValue = @($parameters | Where-Object { (Get-PipelineInput $_) -like '*ByValue*' })
    $byName = @($parameters | Where-Object { (Get-PipelineInput $_) -like '*ByPropertyName*' })
    foreach ($parameter in $byValue) {
        $writer.WriteStartElement('inputType', $Command)
        $writer.WriteStartElement('type', $Dev); $writer.WriteElementString('name', $Maml, $parameter.ParameterType.FullName); $writer.WriteEndElement()
        Description @("Bound to -$($parameter.Name).")
        $writer.WriteEndElement()
    }
    if ($byName) {
        $writer.WriteStartElement('inputType', $Command)
        $writer.WriteStartElement('type', $Dev); $writer.WriteElementString('name', $Maml, 'System.Management.Automation.PSObject'); $writer.WriteEndElement()
        Description @("Objects with properties named $(($byName | ForEach-Object { @($_.Name) + $_.Aliases } | ForEach-Object { $_ }) -join ', ') (Get-CognitoUser results, CSV rows), bound by property name.")
        $writer.WriteEndElement()
    }
    if (-not ($byValue -or $byName)) {
        $writer.WriteStartElement('inputType', $Command)
        $writer.WriteStartElement('type', $Dev); $writer.WriteElementString('name', $Maml, 'None'); $writer.WriteEndElement()
        Description @('This cmdlet takes no pipeline input.')
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('returnValues', $Command)
    $outputs = @($cmdlet.OutputType | Where-Object { $_.Name -ne 'System.Void' })
    foreach ($output in $(if ($outputs) { $outputs.Name } else { 'None' })) {
        $writer.WriteStartElement('returnValue', $Command)
        $writer.WriteStartElement('type', $Dev); $writer.WriteElementString('name', $Maml, $output); $writer.WriteEndElement()
        Description @()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $examples = @($entry.examples.example)
    if (-not $examples) { $problems.Add("$($cmdlet.Name): no example") }
    $writer.WriteStartElement('examples', $Command)
    foreach ($example in $examples) {
        $writer.WriteStartElement('example', $Command)
        $writer.WriteElementString('title', $Maml, $example.title)
        $writer.WriteElementString('code', $Dev, $example.code)
        $writer.WriteStartElement('remarks', $Dev); Para ''; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    # Related: the cmdlets on the same noun (family), any the source names, and the about topic.
    $related = @($cmdlets | Where-Object { $_.Name -ne $cmdlet.Name -and ($_.Noun -eq $cmdlet.Noun -or $_.Noun -like "$($cmdlet.Noun)*" -or $cmdlet.Noun -like "$($_.Noun)*") } | ForEach-Object Name)
    $related += @($entry.SelectNodes('*[local-name()="relatedLinks"]/*[local-name()="navigationLink"]/*[local-name()="linkText"]') | ForEach-Object InnerText)
    $related += 'about_CognitoPs'
    $writer.WriteStartElement('relatedLinks', $Command)
    foreach ($link in ($related | Select-Object -Unique)) {
        $writer.WriteStartElement('navigationLink', $Maml)
        $writer.WriteElementString('linkText', $Maml, $link)
        $writer.WriteElementString('uri', $Maml, '')
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()

# The about topic's policies: produced here, by the cmdlet, so that the text cannot drift from the code.
$about = Get-Content $AboutFile
$filled = for ($i = 0; $i -lt $about.Count; $i++) {
    if ($about[$i] -notmatch '^(\s*)<policy>$') { $about[$i]; continue }
    $indent = $Matches[1]
    if ($i -eq 0 -or $about[$i - 1] -notmatch '^\s*PS> (Get-CognitoIamPolicy\b.*)$') { $problems.Add("${AboutFile}: a <policy> line must follow a 'PS> Get-CognitoIamPolicy' line"); continue }
    (& ([scriptblock]::Create($Matches[1]))) -split "`r?`n" | ForEach-Object { $indent + $_ }
}
Set-Content $AboutFile $filled
if ($problems) { throw "Help is incomplete:`n  " + ($problems -join "`n  ") }
Write-Host "Help for $($cmdlets.Count) cmdlets written to $OutputFile"
