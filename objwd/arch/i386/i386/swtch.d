objwd/arch/i386/i386/swtch.o : arch/i386/i386/swtch.asm

arch/i386/i386/swtch.asm :

