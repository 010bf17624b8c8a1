Option Explicit

' The buttons on the Home sheet of tkops.xlsm. Each Sub runs one function of
' the tkops.xl module through xlwings (RunPython), on this workbook.
' Keep this file ASCII: Chinese captions live in tkops/locale/home.toml.
' A new button = a new Sub here + its name in MACROS of tkops/xlsm/home.py
' and its caption and help in tkops/locale/home.toml.

Public Sub ImportOrders()
    RunPython "import tkops.xl; tkops.xl.import_orders()"
End Sub

Public Sub LoadStock()
    RunPython "import tkops.xl; tkops.xl.stock()"
End Sub

Public Sub Reorder()
    RunPython "import tkops.xl; tkops.xl.reorder()"
End Sub

Public Sub ReviewOrders()
    RunPython "import tkops.xl; tkops.xl.review()"
End Sub

Public Sub PickList()
    RunPython "import tkops.xl; tkops.xl.pick_list()"
End Sub

Public Sub PackingSlips()
    RunPython "import tkops.xl; tkops.xl.packing_slips()"
End Sub

Public Sub BarcodeLabels()
    RunPython "import tkops.xl; tkops.xl.barcode_labels()"
End Sub

Public Sub PackStation()
    RunPython "import tkops.xl; tkops.xl.pack_start()"
End Sub

Public Sub ShipOrders()
    RunPython "import tkops.xl; tkops.xl.ship()"
End Sub

Public Sub CheckClocks()
    RunPython "import tkops.xl; tkops.xl.clocks()"
End Sub

Public Sub AfterSalesCases()
    RunPython "import tkops.xl; tkops.xl.cases()"
End Sub

Public Sub DraftReplies()
    RunPython "import tkops.xl; tkops.xl.replies()"
End Sub

Public Sub FollowUpShipments()
    RunPython "import tkops.xl; tkops.xl.followup()"
End Sub

Public Sub AfterSalesSummary()
    RunPython "import tkops.xl; tkops.xl.summary()"
End Sub

Public Sub PullFromTikTok()
    RunPython "import tkops.xl; tkops.xl.pull()"
End Sub

Public Sub UploadTracking()
    RunPython "import tkops.xl; tkops.xl.upload_tracking()"
End Sub

Public Sub PushStock()
    RunPython "import tkops.xl; tkops.xl.push_stock()"
End Sub

Public Sub EvidencePack()
    RunPython "import tkops.xl; tkops.xl.evidence()"
End Sub

Public Sub MonthEnd()
    RunPython "import tkops.xl; tkops.xl.month_end()"
End Sub

Public Sub ArchiveClosed()
    RunPython "import tkops.xl; tkops.xl.archive()"
End Sub
