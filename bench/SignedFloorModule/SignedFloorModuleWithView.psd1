@{
    RootModule        = 'SignedFloorModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '8d2f4a6c-1e3b-4c7d-b9a0-3f5e7c2d1b46'
    CmdletsToExport   = @('Get-SignedFloorUser')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
    FormatsToProcess  = @('SignedFloorModule.Format.ps1xml')
}
